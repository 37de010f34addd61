class D:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class A:
    x = D()
    y = D()
print(A.x.name, A.y.name)
