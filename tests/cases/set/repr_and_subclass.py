def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = set()
print(s, frozenset(), repr({1}), repr(frozenset([1])))
class S(set):
    pass
print(S([1, 2]), S(), type(S([1]) | {2}).__name__)
class F(frozenset):
    pass
print(F([3]), F([3]) == {3})
