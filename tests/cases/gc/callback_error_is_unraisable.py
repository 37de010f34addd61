import gc
def bad(phase, info):
    if phase == "stop":
        raise ValueError("boom")
gc.callbacks.append(bad)
try:
    gc.collect()
    print("collect returned")
finally:
    gc.callbacks.remove(bad)
print(len(gc.callbacks))
