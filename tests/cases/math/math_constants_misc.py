import math


def check(label, thunk):
    try:
        print(label, '->', repr(thunk()))
    except Exception as exc:
        print(label, '!!', type(exc).__name__, exc)


check('math.pi, math.e, math.tau, math.inf, math.nan', lambda: math.pi, math.e, math.tau, math.inf, math.nan)
print(math.__name__, repr(math))
print(sorted(n for n in dir(math) if not n.startswith('_')))
