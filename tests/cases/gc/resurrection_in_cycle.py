import gc
saved = []
class R:
    def __del__(self):
        print("finalizing", self.name)
        saved.append(self)
r = R(); r.name = "r"; r.me = r
del r
gc.collect()
print(len(saved), saved[0].name, saved[0].me is saved[0])
saved[0].me = None
saved.clear()
gc.collect()
print("finalizer ran once")
