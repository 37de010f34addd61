class C[T]:
    def m(self) -> T:
        return T
