a = x is None
b = x is not True
c = x == ...
d = 1 < 2 < 3
e = 'a' in 'abc'
f = [] == []
g = not x is y
