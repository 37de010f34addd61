import sys

def outer():
    def inner():
        return sys._getframe().f_code.co_qualname
    return inner()

class C:
    def m(self):
        return sys._getframe().f_code.co_qualname
    class D:
        def n(self):
            return sys._getframe().f_code.co_qualname
    @staticmethod
    def s():
        return (lambda: sys._getframe().f_code.co_qualname)()

print(outer())
print(C().m())
print(C.D().n())
print(C.s())
print((lambda: sys._getframe().f_code.co_name)())
print(sys._getframe().f_code.co_qualname)
