def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = {1, 2, 3, 9, 17}
b = {3, 4, 9, 25, 33}
print(a | b, a & b, a - b, a ^ b, b ^ a, b - a, b | a)
print(a.union([40, 8], (16,)), a.intersection([17, 9, 1]), a.difference([1], [2]), a.symmetric_difference([3, 4]))
print(frozenset(a) | b, type(frozenset(a) | b).__name__, type(b | frozenset(a)).__name__)
