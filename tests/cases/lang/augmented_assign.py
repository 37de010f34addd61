class Box:
    def __init__(self):
        self.items = [1]
        self.count = 0
b = Box()
b.count += 5
b.items += [2]
b.items[0] -= 10
print(b.count, b.items)
d = {"k": 1}
d["k"] *= 7
d.setdefault("m", []).append(3)
print(d)
x = 7
x //= 2; print(x)
x **= 3; print(x)
x %= 5; print(x)
x <<= 4; print(x)
x >>= 1; print(x)
x |= 3; print(x)
x &= 6; print(x)
x ^= 15; print(x)
f = 1.5
f /= 4; print(f)
s = "ab"
s *= 3; print(s)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
l = [1]
m = l
l += [2]
print(l is m, m)
calls = []
def key():
    calls.append("key")
    return 0
arr = [5]
arr[key()] += 1
print(arr, calls)
