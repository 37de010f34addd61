def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

k = {1: 2, 3: 4}.keys()
print(k & {1, 5}, k | {5}, k - {1}, k ^ {1, 7}, {1, 9} - k, [3, 8] & k if False else {3, 8} & k)
i = {1: 2}.items()
print(i & {(1, 2)}, i | {(5, 6)}, i - {(1, 2)})
print(k == {1, 3}, k <= {1, 2, 3}, k < {1, 3}, k >= {1}, i == {(1, 2)}, k == [1, 3])
print(k.isdisjoint([5]), k.isdisjoint({1: 0}), i.isdisjoint([(1, 2)]))
t(lambda: {1: 2}.values() & {2})
