def f[T: int, U: (str, bytes)](): pass
