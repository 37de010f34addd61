import math


def check(label, thunk):
    try:
        print(label, '->', repr(thunk()))
    except Exception as exc:
        print(label, '!!', type(exc).__name__, exc)


check('math.factorial(-1)', lambda: math.factorial(-1))
check('math.factorial(2.0)', lambda: math.factorial(2.0))
check('math.factorial(20)', lambda: math.factorial(20))
check('math.isqrt(-1)', lambda: math.isqrt(-1))
check('math.isqrt(10**40)', lambda: math.isqrt(10**40))
check('math.comb(5,-1)', lambda: math.comb(5,-1))
check('math.comb(50,20)', lambda: math.comb(50,20))
check('math.perm(5)', lambda: math.perm(5))
check('math.gcd(12, 18, 8)', lambda: math.gcd(12, 18, 8))
check('math.lcm(4,6,0)', lambda: math.lcm(4,6,0))
check('math.prod([1,2,3], start=2)', lambda: math.prod([1,2,3], start=2))
check('math.factorial(10**10+0.5)', lambda: math.factorial(10**10+0.5))
check('math.comb(10.0, 2)', lambda: math.comb(10.0, 2))
check('math.prod([])', lambda: math.prod([]))
check('math.perm(3, 5)', lambda: math.perm(3, 5))
check('math.prod()', lambda: math.prod())
check('math.prod([1], 2)', lambda: math.prod([1], 2))
check('math.gcd(1.5)', lambda: math.gcd(1.5))
check('math.gcd()', lambda: math.gcd())
check('math.lcm()', lambda: math.lcm())
check('math.factorial()', lambda: math.factorial())
check('math.factorial(True)', lambda: math.factorial(True))
check('math.comb(-1, 2)', lambda: math.comb(-1, 2))
check('math.perm(-1)', lambda: math.perm(-1))
check('math.perm(5, -1)', lambda: math.perm(5, -1))
check('math.isqrt(2.0)', lambda: math.isqrt(2.0))
check('math.factorial(1000) % 1000003', lambda: math.factorial(1000) % 1000003)
check('math.comb(10**5, 3)', lambda: math.comb(10**5, 3))
