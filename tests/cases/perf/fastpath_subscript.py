# Subscription and slicing of lists, tuples and dicts (the loop's fast paths).
a = list(range(10))
t = tuple(a)
print(a[0], a[-1], a[-10], t[3], t[-2])
for bad in [10, -11, 2**70]:
    try:
        a[bad]
    except IndexError as e:
        print("IndexError", e)
    try:
        t[bad]
    except IndexError as e:
        print("IndexError", e)
print(a[2:5], a[:3], a[7:], a[-3:], a[:-8], a[5:2], a[-100:100], a[::2], a[::-1], a[8::-1], a[8:2:-2])
b = a[:]
b[2:4] = [20, 30, 40]
print(b)
b[:0] = (1, 2)
print(b)
b[-2:] = []
print(b)
b[5:1] = [99]
print(b)
b[:] = b
print(b)
b[1:3] = "xy"
print(b)
b[0] = "first"
b[-1] = "last"
print(b)
try:
    b[100] = 0
except IndexError as e:
    print("IndexError", e)
d = {"k": 1, 2: "two"}
print(d["k"], d[2])
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
d["k"] = 5
print(d)
