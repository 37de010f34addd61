class C:
    T = int
    type A = list[T]
    type B[U] = dict[U, T]
