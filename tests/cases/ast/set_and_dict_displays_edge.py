a = {1,}
b = {1: 2,}
c = {*()}
d = {**{}}
e = {(1, 2): {3: {4}}}
f = {None: ..., True: False}
g = {x: y for x, y in ((1, 2),)}
