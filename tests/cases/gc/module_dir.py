import gc
print([n for n in dir(gc) if not n.startswith("_")])
