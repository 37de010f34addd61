import gc
seen = {}
def cb(phase, info):
    seen[phase] = info["collected"]
class A: pass
a = A(); a.a = a
del a
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.clear()
print(seen["start"], seen["stop"] > 0)
