import gc
class Obj:
    pass
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
o = Obj(); o.me = o
del o
gc.collect()
found = [x for x in gc.garbage if type(x) is Obj]
print(len(found))
gc.set_debug(0)
for x in found: x.me = None
del found
gc.garbage.clear()
print(gc.get_debug())
