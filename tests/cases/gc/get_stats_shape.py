import gc
gc.collect()
st = gc.get_stats()
print(type(st).__name__, len(st))
for d in st:
    print(sorted(d), all(type(v) is int and v >= 0 for v in d.values()))
print(st[2]["collections"] >= 1)
