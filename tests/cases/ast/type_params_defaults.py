def f[T = int](): pass
def g[T: int = bool](): pass
def h[*Ts = *tuple[int, ...]](): pass
def i[**P = [int, str]](): pass
class A[T = int, *Ts = *tuple[()], **P = ...]: pass
type Alias[T = str] = list[T]
def j[T, U = T](): pass
