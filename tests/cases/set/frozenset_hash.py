def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash(frozenset()) == hash(frozenset([])))
d = {frozenset({1, 2}): 'a'}
print(d[frozenset([2, 1])], {frozenset({1}), frozenset({1})})
t(lambda: hash({1}))
