def f[T](x: T) -> T: return x
def g[T: int](x: T): pass
def h[T: (int, str)](x: T): pass
def i[*Ts](*args: *Ts): pass
def j[**P](f: Callable[P, int]): pass
def k[T, U: str, *Ts, **P](): pass
async def l[T](x: T): pass
def m[T,](): pass
