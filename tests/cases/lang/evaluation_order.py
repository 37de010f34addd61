log = []
def v(x):
    log.append(x)
    return x
def f(*a, **k):
    return a, k
f(v(1), v(2), k=v(3), **{"z": v(4)})
print(log); log.clear()
d = {v("k1"): v("v1"), v("k2"): v("v2")}
print(log); log.clear()
v([1])[v(0)] = v("rhs")
print(log); log.clear()
x = v(1) + v(2) * v(3)
print(log); log.clear()
v(1) < v(2) < v(0) < v(9)
print(log); log.clear()
a = [v(i) for i in range(2)] + [v("t")]
print(log); log.clear()
class Obj:
    def __getattr__(self, name):
        log.append(f"get {name}")
        return name
o = Obj()
o.first, o.second
print(log); log.clear()
result = v("c") if v(True) else v("never")
print(result, log)
