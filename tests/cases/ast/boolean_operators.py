a or b
a and b
a or b or c
a and b and c
a or b and c
(a or b) and c
not a
not not a
not a and not b or c
