import math


def check(label, thunk):
    try:
        print(label, '->', repr(thunk()))
    except Exception as exc:
        print(label, '!!', type(exc).__name__, exc)


check('math.log(0)', lambda: math.log(0))
check('math.log(-1)', lambda: math.log(-1))
check('math.log(10, 0)', lambda: math.log(10, 0))
check('math.log(8,2)', lambda: math.log(8,2))
check('math.log(2**2000)', lambda: math.log(2**2000))
check('math.log10(-1)', lambda: math.log10(-1))
check('math.log2(0)', lambda: math.log2(0))
check('math.log1p(-1)', lambda: math.log1p(-1))
check('math.log(0.0)', lambda: math.log(0.0))
check('math.log(True)', lambda: math.log(True))
check('math.log(-2**2000)', lambda: math.log(-2**2000))
check('math.log(1e-320)', lambda: math.log(1e-320))
check('math.log()', lambda: math.log())
check('math.log(1,2,3)', lambda: math.log(1,2,3))
check('math.log(10, 1)', lambda: math.log(10, 1))
check('math.log(2**2000, 2)', lambda: math.log(2**2000, 2))
check('math.log10(10**400)', lambda: math.log10(10**400))
check('math.log2(2**1000)', lambda: math.log2(2**1000))
check('math.log(math.inf)', lambda: math.log(math.inf))
check('math.log(1, 1)', lambda: math.log(1, 1))
check('math.log(0.5, 0.5)', lambda: math.log(0.5, 0.5))
check('math.log(-0.0)', lambda: math.log(-0.0))
