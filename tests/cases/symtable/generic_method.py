class C:
    X = int
    def m[T: X](self, a: T) -> X:
        pass
