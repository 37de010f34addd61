a = not b == c
b = not b in c
c = not (a and b)
d = a and not b or not c and d
e = not a if b else not c
