def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = set(range(0, 3000, 7))
print(len(s), min(s), max(s), sum(s), 14 in s, 15 in s)
s -= set(range(0, 3000, 14))
print(len(s), sorted(s)[:5])
t = set('hello world')
print(len(t), sorted(t), 'o' in t)
