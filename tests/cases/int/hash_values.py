def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(hash(0), hash(1), hash(-1), hash(-2), hash(10**6))
print(hash(5) == hash(5.0), hash(10**30) == hash(10**30), hash(-(10**30)) == -hash(10**30))
