def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {1}, {1} > {1}, {1, 2} == frozenset({2, 1}), {1} != {2})
print({1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset([1]), {1, 2}.isdisjoint([3]), {1}.isdisjoint({1}), set().isdisjoint(set()))
print({1, 2}.issubset(range(5)), {1, 2}.issuperset(iter([1, 2])), {1, 2} == [1, 2])
print(set() == frozenset(), {frozenset({1})} == {frozenset([1])}, {1} in {frozenset({1})})
