x = a if b else c
y = a if b else c if d else e
z = (a if b else c) if d else e
w = [a if b else c for a in d]
v = lambda: a if b else c
u = a or b if c and d else not e
