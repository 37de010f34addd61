class A[T]: pass
class B[T: int, U](Base[T]): pass
class C[*Ts, **P](Generic[*Ts]): pass
class D[T: (int, str) = int]: pass
class E[T,]: pass
