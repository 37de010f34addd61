x = "global"
class C:
    x = "class"
    y = x + "!"
    items = [x for _ in range(2)]
    def method(self):
        return x
print(C.y, C.items, C().method())
def f():
    x = "local"
    class D:
        z = x
    return D.z
print(f())
