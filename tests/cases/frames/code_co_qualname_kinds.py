import sys

def top():
    def nested():
        pass
    return nested

class C:
    def m(self):
        return [sys._getframe().f_code.co_qualname for _ in "a"]
    lam = lambda: sys._getframe().f_code.co_qualname

def gen_owner():
    return (sys._getframe().f_code.co_qualname for _ in "a")

def generic[T](x: T) -> T:
    return sys._getframe().f_code.co_qualname

print(top.__code__.co_qualname, top().__code__.co_qualname)
print(C.m.__code__.co_qualname, C().m())
print(C.lam())
print(next(gen_owner()))
print(generic(1))
print(compile("1", "<s>", "eval").co_qualname)
