import gc
x = 5
t = (x, "a", 2.5)
u = (x, [])
gc.collect()
print(gc.is_tracked(t))
print(gc.is_tracked(u))
