# Floats freed and made again (the float free list): values and identities behave.
total = 0.0
for i in range(1000):
    total += i * 0.5
print(total)
a = [float(i) / 3 for i in range(300)]
del a[::2]
b = [x * 2.0 for x in a]
print(len(b), b[:3], b[-1])


class F(float):
    pass


f = F(2.5)
print(f + 1.0, type(f + 1.0).__name__, f * 2, type(f).__name__)
fs = [F(i) for i in range(10)]
del fs
g = [1.5 + i for i in range(10)]
print(g)
