# __slots__ values read and written by the loop's attribute fast path.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class Q(P):
    __slots__ = ("z",)


class WithDict(P):
    pass


def read_x(obj):
    return obj.x


def write_y(obj, value):
    obj.y = value


objs = [P(1), Q(2), WithDict(3)]
for _ in range(3):
    for obj in objs:
        print(type(obj).__name__, read_x(obj))
        write_y(obj, obj.x * 10)
        print(obj.y)

p = P(5)
try:
    p.y
except AttributeError as exc:
    print("AttributeError:", exc)
del p.x
try:
    read_x(p)
except AttributeError as exc:
    print("AttributeError:", exc)
write_y(p, 7)
print(p.y)
try:
    p.w = 1
except AttributeError as exc:
    print("AttributeError:", exc)

# A slot replaced by a plain class attribute later: the fast path must notice.
class R:
    __slots__ = ("v",)


r = R()
r.v = 1
for i in range(3):
    print(read_x.__name__, r.v)
R.v = 42
print(r.v)
try:
    r.v = 3
except AttributeError as exc:
    print("AttributeError:", exc)


# A member descriptor of another class applied to an instance it does not fit.
class S:
    __slots__ = ("x",)


class T:
    __slots__ = ("x",)
    x_of_s = S.x


t = T()
t.x = 1
try:
    print(T.x_of_s.__get__(t))
except TypeError as exc:
    print("TypeError:", exc)

# A property and a slot-less subclass.
class U(P):
    @property
    def x(self):
        return "prop"


u = U.__new__(U)
print(read_x(u))
print(read_x(P(9)))
