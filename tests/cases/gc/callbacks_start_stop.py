import gc
events = []
def cb(phase, info):
    events.append((phase, sorted(info), info["generation"]))
gc.callbacks.append(cb)
gc.collect()
gc.collect(1)
gc.callbacks.remove(cb)
gc.collect()
for e in events:
    print(e)
