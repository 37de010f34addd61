import os.path as p, sys
from . import x
from ..a.b import (c as d, e)
global g
async def h[T, **P = [int], *Ts = *tuple[int]](a=1, *, b, c=3):
    async with ctx() as (q, r), other:
        await q
    async for i in r:
        yield i
    nonlocal z
    yield
    lambda: (yield from y)
try:
    raise E from None
except* (A, B) as e:
    pass
else:
    del x[1:2:3], y.z, [w]
finally:
    assert x, "m"
try:
    pass
except:
    pass
while not x and y or z:
    break
else:
    continue
for a, *b in c:
    x += 1; x @= 2; x //= 3; x **= 4; x <<= 1; x >>= 1; x |= 1; x ^= 1; x &= 1; x %= 2; x /= 1; x -= 1; x *= 1
else:
    pass
if a < b <= c > d >= e == f != g is h is not i in j not in k:
    pass
elif -x + +y - ~z:
    pass
else:
    pass
with open(f) as fh:
    pass
type Alias[K] = dict[K, list[K]]
v: int = (w := 5)
(v): int
l = [i for i in range(10) if i if not i]
s = {i async for i in x}
dd = {k: v for k, v in y}
g = (j for j in z)
d2 = {**a, 'b': 2, None: ...}
st = {1, 2}
t = 1,
e = ()
sub = a[1:, ::2, :]
call(*args, kw=1, **kwargs)
x = 1 if y else 2
n = 0o17 + 0b1 + 1_000 + 1e10 + 1.5e-7 + 3.14j + 0x_FF
bs = b'a' b"\xff\n"
cs = 'con' "cat" '\t\'"'
fs = f"{a}{b!s}{c!a:{d}.{e}}{f=!r:>10}" f'{x:%Y-%m-%d}' rf"\d{x}"
ts = t"pre{a!r:>{w}}post" t'' t"{b=}"
surrogate = "\ud800\udc00\U0001f600"
nbsp = "\xa0\u2028"
@a.b(c)
@d
class K(object, *bases, **kw):
    def m(self, /, *a, k: int, **kk: str) -> 'K': ...
    async def n(self): return await self
