class C:
    a: int
    b: Nested = 1
    def m(self) -> C:
        pass
