# LOAD_GLOBAL answers from a cache keyed on the globals' and builtins' versions:
# every change to either dict must be seen.
import builtins

def get_len():
    return len

def get_g():
    return G

G = 1
for i in range(3):
    print(get_g())
G = 2
print(get_g())
del G
try:
    get_g()
except NameError as e:
    print("NameError:", e)
G = 3
print(get_g())

print(get_len() is builtins.len)
len = lambda x: "shadowed"
print(get_len()("abc"))
del len
print(get_len()("abc"))
builtins.len = lambda x: "patched builtin"
print(get_len()("abc"))
del builtins.len
try:
    get_len()
except NameError as e:
    print("NameError:", e)
builtins.len = lambda x: 42
print(get_len()("x"))

# One code object, two globals dicts.
source = "def f():\n    return X\n"
ns1 = {"X": "one"}
ns2 = {"X": "two"}
exec(source, ns1)
exec(source, ns2)
code = ns1["f"].__code__
f1 = type(ns1["f"])(code, ns1)
f2 = type(ns1["f"])(code, ns2)
for _ in range(3):
    print(f1(), f2())
ns1["X"] = "changed"
print(f1(), f2())
ns2.clear()
try:
    f2()
except NameError as e:
    print("NameError:", e)

# A key whose __eq__ changes the globals while a global is looked up.
class Key(str):
    def __hash__(self):
        return hash("Y")
    def __eq__(self, other):
        globals().pop("Z", None)
        return str.__eq__(self, other)

def get_y():
    return Y

Y = "y"
globals()[Key("K")] = 1
print(get_y(), get_y())
