import gc
class Tok:
    def __del__(self): print("tok freed")
def make():
    t = Tok()
    def inner():
        return inner, t
    return inner
f = make()
del f
gc.collect()
print("end")
