def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

d = {}
for k in [5, 1, 3]:
    d[k] = k * k
ks = d.keys()
d[0] = 0
print(ks, len(ks), d.popitem(), d.popitem(), d)
print(dict(a=1, **{'b': 2}), dict([('a', 1)], a=2))
t(lambda: {}.get([]))
t(lambda: {} == [])
print({1: [1, 2]} == {1: [1, 2]}, {1: 2}.get(1.0), {1: 'a'}[True], {(1, 2): 3}[1, 2])
d = dict.fromkeys('abc', 0)
d['b'] += 5
del d['a']
d['a'] = 9
print(d, list(d), list(d.values()))
