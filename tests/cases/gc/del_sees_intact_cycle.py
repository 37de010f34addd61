import gc
class A:
    def __del__(self):
        print("partner name:", self.partner.name)
x = A(); y = A()
x.name = "x"; y.name = "y"
x.partner = y; y.partner = x
del x, y
gc.collect()
