class C:
    def f[T](self, x: T) -> T:
        return x
