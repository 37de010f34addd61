def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = set(range(10))
for i in [0, 3, 5]:
    s.discard(i)
print(s)
s.add(13)
s.add(11)
print(s)
for i in range(100, 110):
    s.add(i)
print(s)
s.difference_update(range(100, 106))
print(s)
