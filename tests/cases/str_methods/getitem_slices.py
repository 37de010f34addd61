def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = 'hello wörld'
print(s[0], s[-1], s[1:4], s[::-1], s[::2], s[-3:], s[100:], s[2:-2:3])
t(lambda: s[20])
t(lambda: s['a'])
t(lambda: s[1.5])
print([c for c in 'aé😀'])
print(list(reversed('abc')))
