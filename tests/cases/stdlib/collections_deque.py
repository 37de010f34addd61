from collections import deque
d = deque([1, 2, 3], maxlen=5)
d.append(4); d.appendleft(0); d.append(5)
print(d, len(d), d[0], d[-1], d.maxlen)
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(d.pop(), d.popleft(), d)
d.extend("ab"); d.extendleft([9, 8]); print(d)
print(list(reversed(d)), 3 in d, d.count(3), d.index(3))
d.remove(3); print(d)
d2 = d.copy(); d2.clear(); print(d2, d, deque() == deque(), deque([1]) < deque([2]))
print(repr(deque()), bool(deque()), deque("abc") + deque("de"), deque([1, 2]) * 2)
d3 = deque(range(5)); d3[1] = "x"; del d3[0]; d3.insert(1, "y"); print(d3)
d3 += [7]; print(d3, d3.index(7))
class MyDeque(deque):
    pass
m = MyDeque([1, 2], 3)
print(m, type(m.copy()).__name__, m.maxlen)
print(deque[int])
