a == b
a != b
a < b
a <= b
a > b
a >= b
a is b
a is not b
a in b
a not in b
a < b < c
a < b <= c == d != e > f >= g is h is not i in j not in k
not a == b
