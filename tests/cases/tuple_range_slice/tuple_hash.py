def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))), hash((1,)) != hash((2,)))
print({(1, 2): 'a'}[(1, 2)], hash((1.0, 2)) == hash((1, 2.0)))
t(lambda: hash((1, [2])))
