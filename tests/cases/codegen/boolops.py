a and b
a or b
a and b or c
x = a and b and c
