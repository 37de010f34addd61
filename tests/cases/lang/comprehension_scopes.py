x = "module"
print([x for x in range(3)], x)
print({k: v for k, v in zip("ab", range(2))}, {c for c in "aab"} == {"a", "b"})
print([(i, j) for i in range(3) for j in range(i) if (i + j) % 2])
print([[c * r for c in range(3)] for r in range(3)])
gen = (n * n for n in range(4))
print(type(gen).__name__, list(gen), list(gen))
class K:
    y = 10
    vals = [y for _ in range(2)] if False else None
    try:
        sq = [y * i for i in range(3)]
    except NameError as e:
        err = str(e)
print(K.vals, K.sq)
def f():
    a = 5
    return [a + i for i in range(3)], (lambda: [a for _ in range(2)])()
print(f())
print(sum(i for i in range(101)), max((len(w), w) for w in "a bb ccc".split()))
nested = [[1, 2], [3], []]
print([v for sub in nested for v in sub])
print(list(map(lambda p: p[0] * p[1], zip(range(4), range(4, 8)))))
