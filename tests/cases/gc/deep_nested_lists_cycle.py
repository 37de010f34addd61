import gc
outer = []
cur = outer
for i in range(2000):
    nxt = []
    cur.append(nxt)
    cur = nxt
cur.append(outer)
del outer, cur, nxt
print(gc.collect() >= 2000)
