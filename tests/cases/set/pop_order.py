def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = {5, 1, 9, 17, 33, 2}
out = []
while s:
    out.append(s.pop())
print(out)
s = set(range(20))
print([s.pop() for _ in range(5)], s)
t(lambda: set().pop())
