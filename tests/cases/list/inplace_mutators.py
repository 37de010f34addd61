# pop/insert/remove/reverse/index work on the live list (no snapshot).
class Idx:
    def __init__(self, lst, value):
        self.lst = lst
        self.value = value
    def __index__(self):
        self.lst.append("added")
        return self.value

a = [1, 2, 3]
print(a.pop(Idx(a, -1)), a)
a = [1, 2, 3]
print(a.pop(Idx(a, 3)), a)
a = [1, 2, 3]
try:
    a.pop(Idx(a, 4))
except IndexError as e:
    print("IndexError", e, a)
a = [1, 2, 3]
print(a.pop(0), a.pop(), a.pop(-1), a)
try:
    a.pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1].pop(-2)
except IndexError as e:
    print("IndexError", e)
try:
    [1].pop(2**70)
except (IndexError, OverflowError) as e:
    print(type(e).__name__, e)

b = [1, 2, 3]
b.insert(Idx(b, -100), "x"); print(b)
b.insert(Idx(b, 100), "y"); print(b)
b.insert(-1, "z"); print(b)

class Eq:
    def __init__(self, lst, name):
        self.lst = lst
        self.name = name
    def __eq__(self, other):
        print("eq", self.name, other)
        if self.lst:
            self.lst.pop(0)
        return False
    __hash__ = None
    def __repr__(self):
        return self.name

c = []
c.extend([Eq(c, "p"), Eq(c, "q"), Eq(c, "r"), 5, 6])
c.remove(6)
print(c)
try:
    c.remove(7)
except ValueError as e:
    print("ValueError", e, c)

d = []
d.extend([Eq(d, "s"), Eq(d, "t"), 1, 2, 3])
try:
    print(d.index(3))
except ValueError as e:
    print("ValueError", e)
print(d)

e = [1, 2, 3, 4]
e.reverse(); print(e)
e = []
e.reverse(); print(e)

class Del:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
    def __eq__(self, other):
        return other == self.n
f = [Del(1), Del(2), Del(3)]
f.remove(2)
print("after remove")
x = f.pop()
print("after pop")
del x
print("end")
