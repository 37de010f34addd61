def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = set()
for i in range(0, 200, 7):
    s.add(i)
print(s)
s = {i * 33 for i in range(40)}
print(s)
print(set(range(1000, 1020)))
