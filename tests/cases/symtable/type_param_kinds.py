def f[T: int, U: (str, bytes), *Ts, **P](): pass
class C[T = int, *Ts = (), **P = [int]]: pass
def g[T: int = bool](): pass
