type Point = tuple[float, float]
type ListOrSet[T] = list[T] | set[T]
type A[T: int] = T
type B[T: (int, str), *Ts, **P] = Callable[P, tuple[T, *Ts]]
type C[T = int] = list[T]
type = 1
type.x = 2
print(type)
