import gc
marker = ["unique marker list"]
objs = gc.get_objects()
print(any(o is marker for o in objs))
print(all(gc.is_tracked(o) for o in objs[:50]))
for bad in (3, -1):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("ValueError:", e)
print(type(gc.get_objects(generation=None)).__name__)
