class A:
    def __del__(self): print("del A")
def gen():
    a = A()
    yield 1
    yield 2
g = gen()
print(next(g))
del g
print("end")
