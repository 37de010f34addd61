def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = {1, 2, 3}
s.update([4], (5,), {6: 0})
s.intersection_update([1, 2, 3, 4, 5, 9], range(10))
print(s)
s.difference_update([1], {2})
s.symmetric_difference_update([3, 100])
print(s, s.copy(), s.copy() is s)
s.clear()
print(s, len(s))
f = frozenset([1, 2])
print(f.copy() is f, frozenset(f) is f, set(f), frozenset())
t(lambda: s.add(1, 2))
t(lambda: s.pop(1))
t(lambda: f.add(3))
