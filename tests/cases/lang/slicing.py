s = list(range(10))
print(s[2:8:2], s[::-1], s[-3:], s[:-7:-2], s[8:2:-3], s[100:], s[-100:2])
t = tuple(s)
print(t[1::3], "hello world"[::2], "hello"[-1::-2])
s[2:5] = ["a", "b"]
print(s)
s[::3] = [0] * len(s[::3])
print(s)
del s[1::2]
print(s)
try:
    s[::2] = [1]
except ValueError as e:
    print(e)
r = range(20)[3:15:4]
print(r, list(r), r[-1], len(r))
class Probe:
    def __getitem__(self, key):
        return key
p = Probe()
print(p[1:2], p[1:2:3], p[:, 1], p[..., None], p[::], p[1:2, ::3])
print(slice(1, 2).indices(10), slice(None, None, -1).indices(5))
