import gc
gc.collect()
x = [1, 2, 3]
print(gc.collect())
print(x)
