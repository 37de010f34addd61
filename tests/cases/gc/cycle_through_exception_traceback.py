import gc
class Tok:
    def __del__(self): print("tok freed")
def f():
    t = Tok()
    try:
        raise ValueError("x")
    except ValueError as e:
        return e
e = f()
print(type(e).__name__)
del e
gc.collect()
print("end")
