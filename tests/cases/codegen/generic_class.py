class C[T, *Ts, **P]:
    x: T
