def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

r = range(10**20)
print(r, r[-1], r[10**19], r[::10**19], r[5:8], r.start, r.stop, r.step, bool(r))
t(lambda: len(r))
print(10**19 in r, -1 in r, 10**20 in r, r.index(12345), r.count(10**20 - 1), r == range(0, 10**20, 1))
print(list(range(2**63 - 2, 2**63 + 2)), list(range(-(2**63) + 1, -(2**63) - 2, -1)))
print(list(reversed(range(2**64, 2**64 + 3))), list(range(0, 3 * 10**20, 10**20)))
it = iter(range(2**70, 2**70 + 2))
print(next(it), next(it), type(it).__name__, type(iter(range(3))).__name__)
t(lambda: next(it))
print(hash(range(2**70, 2**71, 2**69)) == hash(range(2**70, 2**71 - 1, 2**69)), range(2**70)[:0])
t(lambda: r[10**20])
t(lambda: range(10)[10**30])
print(range(5)[-10**20:10**20], range(0, -10**20, -3)[-1])
