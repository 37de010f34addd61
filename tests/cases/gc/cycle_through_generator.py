import gc
class Tok:
    def __del__(self): print("tok freed")
def gen():
    t = Tok()
    me = yield 1
    yield 2
g = gen()
next(g)
holder = [g]
g.send  # keep attribute access working
del g
holder.append(holder)
del holder
gc.collect()
print("end")
