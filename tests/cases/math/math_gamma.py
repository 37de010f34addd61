import math


def check(label, thunk):
    try:
        print(label, '->', repr(thunk()))
    except Exception as exc:
        print(label, '!!', type(exc).__name__, exc)


check('math.gamma(0)', lambda: math.gamma(0))
check('math.gamma(-1)', lambda: math.gamma(-1))
check('math.lgamma(0)', lambda: math.lgamma(0))
check('math.gamma(200)', lambda: math.gamma(200))
check('math.lgamma(-2.5)', lambda: math.lgamma(-2.5))
check('math.gamma(0.5)', lambda: math.gamma(0.5))
check('math.gamma(171.5)', lambda: math.gamma(171.5))
check('math.lgamma(1e308)', lambda: math.lgamma(1e308))
