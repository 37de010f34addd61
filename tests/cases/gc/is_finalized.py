import gc
class Lazarus:
    def __del__(self):
        global saved
        saved = self
x = Lazarus()
print(gc.is_finalized(x))
del x
print(gc.is_finalized(saved))
print(gc.is_finalized(1), gc.is_finalized([]))
