print(*args)
a = [*b, 1]
c = {*d}
e = (*f, 2)
g = {**h}
for i in *j, 1:
    pass
def k():
    return *l, 2
    yield *m, 3
n[*o]
p = *q, *r
