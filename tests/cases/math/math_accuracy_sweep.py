# Deterministic pseudo-random inputs (no `random` module). hypot/dist/log/fsum/sumprod
# must agree with CPython to the last bit (their algorithms are CPython's); gamma, lgamma,
# erf and erfc go through the platform's libm (exp, pow, sin, erfc), whose last bits
# differ between C libraries even under CPython, so they are printed to 12 digits.
import math

state = 12345


def rand():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state / 2**64


mismatch_free = []
for i in range(150):
    a, b, c = (rand() - 0.5) * 10 ** (i % 7), rand() * 3, (rand() - 0.3) * 1e-3
    print(i, math.hypot(a, b), math.hypot(a, b, c), math.dist((a, b), (c, a)))
    x = rand() * 60 - 25
    try:
        g = math.gamma(x)
    except (ValueError, OverflowError) as exc:
        g = type(exc).__name__
    lg = math.lgamma(x) if x != int(x) else '-'
    print(i, *(f'{v:.12g}' if isinstance(v, float) else v
               for v in (g, lg, math.erf(x / 10), math.erfc(x / 10))))
    n = int(rand() * 2**64) ** (1 + i % 40) + i
    print(i, math.log(n), math.log2(n), math.log10(n), math.log(n, 7))
    values = [(rand() - 0.5) * 10 ** (j % 30 - 15) for j in range(i % 23)]
    print(i, math.fsum(values), math.sumprod(values, values[::-1]))
