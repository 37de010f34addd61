def f[T, U=int, V](): pass
