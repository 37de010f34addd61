a = 1
del a
try:
    a
except NameError as e:
    print(e)
lst = list(range(6))
del lst[0], lst[-1]
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
class O:
    pass
o = O()
o.x = 1
del o.x
try:
    del o.x
except AttributeError as e:
    print(e)
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(f())
x, y = 1, 2
del (x, y)
print("x" in dir(), "y" in dir())
