type Json = dict[str, 'Json'] | list['Json'] | str | int | float | bool | None
type Pair[K, V = K] = tuple[K, V]
class C:
    type Inner = int
def f():
    type Local[T] = list[T]
