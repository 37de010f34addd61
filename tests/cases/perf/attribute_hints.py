# Instance attribute loads and stores try the dict entry where the name was last
# found: other layouts, deletions, replaced __dict__s and descriptors must still win.
class A:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class B:
    def __init__(self, x, y):
        self.y = y
        self.x = x

def show(o):
    return o.x, o.y

items = [A(1, 2), B(3, 4), A(5, 6)]
for o in items * 2:
    print(show(o))

a = A(1, 2)
del a.x
try:
    show(a)
except AttributeError as e:
    print("AttributeError:", e)
a.x = 9
print(show(a), list(a.__dict__))

a.__dict__.clear()
a.__dict__.update(y="Y", x="X")
print(show(a))

class WithProperty:
    def __init__(self):
        self.__dict__["x"] = "from dict"
    @property
    def x(self):
        return "from property"
    @x.setter
    def x(self, value):
        print("setter", value)
w = WithProperty()
print(w.x)
w.x = 1
print(w.__dict__)

class WithGetattr:
    def __init__(self):
        self.x = 1
    def __getattr__(self, name):
        return "fallback " + name
g = WithGetattr()
print(g.x, g.y)

class WithSetattr:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
s = WithSetattr()
s.x = 1
s.x = 2
print(s.x)

def set_many(o):
    for i in range(3):
        o.x = i
        o.y = -i
    return o.x, o.y
print(set_many(A(0, 0)), set_many(B(0, 0)))

class Slotted:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(show(Slotted(7, 8)))

class Shadow:
    def method(self):
        return "method"
sh = Shadow()
print(sh.method())
sh.method = lambda: "instance attribute"
print(sh.method())
del sh.method
print(sh.method())

class Del:
    def __del__(self):
        print("finalized")
holder = A(Del(), 0)
holder.x = None
print("after store")
