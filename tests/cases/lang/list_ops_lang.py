l = [5, 3, 8, 1]
l.append(7); l.insert(0, 0); l.extend((9, 2))
print(l, len(l), l.index(8), l.count(3))
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.remove(3); print(l.pop(), l.pop(0), l)
l.reverse(); print(l, l[::-1], sorted(l, key=lambda x: -x))
print([1, 2] + [3], [0] * 3, [[]] * 2, 3 in l, min(l), max(l), sum(l))
words = ["bb", "a", "ccc", "dd"]
print(sorted(words, key=len), sorted(words, key=lambda w: (len(w), w), reverse=True))
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1].remove(2)
except ValueError as e:
    print(e)
try:
    l[99]
except IndexError as e:
    print(e)
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m, l.copy() == l, l.copy() is l)
l.clear(); print(l, bool(l))
print(list("abc"), list(range(3)), list((1, 2)), list({"a": 1}))
