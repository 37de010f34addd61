class A[T, *Ts: object]:
    pass
