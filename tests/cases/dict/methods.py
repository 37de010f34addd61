def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

d = {1: 2}
print(d.setdefault(3, 4), d.setdefault(1, 9), d.setdefault(5), d)
print(d.popitem(), d, d.pop(1), d.pop(99, 'x'), d.get(3), d.get(7, 'no'))
print(dict.fromkeys([1, 2], 0), dict.fromkeys('ab'), {}.fromkeys(range(3)))
print(dict.fromkeys([1], [])[1] is dict.fromkeys([1], [])[1])
d = {}; d.update([(1, 2)], a=3); d.update({4: 5}); d.update(x=1); print(d)
d.clear(); print(d, {1: 2}.copy())
