s = {3, 1, 2}
s.add(4); s.add(1)
print(len(s), 2 in s, 5 in s, sorted(s))
s.discard(10); s.remove(4)
print(sorted(s), set(), frozenset(), {1} == {1}, {1, 2} <= {1, 2, 3}, {1, 2} < {1, 2})
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {3})), a.issubset(a | b), a.isdisjoint({7}))
words = "the cat and the hat and the bat".split()
print(len(set(words)), sorted(set(words)))
print(sorted({x % 3 for x in range(10)}), 3 in {1, 2, 3}, "x" in frozenset("xyz"))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
try:
    {[1]}
except TypeError as e:
    print(e)
print({1}, {"only"}, frozenset({5}), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
