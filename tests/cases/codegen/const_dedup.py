a = 1
b = 1.0
c = True
d = 0.0
e = -0.0
f = 'x'
g = b'x'
h = 1
