import gc
class Marker:
    def __del__(self): print("marker freed")
l = [Marker()]
l.append(l)
del l
print("still alive")
gc.collect()
print("done")
