class C[T]([(y := 1) for _ in x]): pass
