import gc
class Base: pass
def make(n):
    class K(Base):
        def __del__(self): print("instance freed", n)
    K.instance = K()
    return K
k = make(1)
k2 = make(2)
print([c.__name__ for c in Base.__subclasses__()])
del k
gc.collect()
print([c.__name__ for c in Base.__subclasses__()])
class C(Base): pass
class D(C, Base): pass
print([c.__name__ for c in Base.__subclasses__()], [c.__name__ for c in C.__subclasses__()])
del D
gc.collect()
print([c.__name__ for c in Base.__subclasses__()], C.__subclasses__())
print(len([c for c in object.__subclasses__() if c.__name__ == "K"]))
del k2
gc.collect()
print(len([c for c in object.__subclasses__() if c.__name__ == "K"]), Base.__subclasses__())
print("end")
