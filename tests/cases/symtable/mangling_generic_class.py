class C[__T, U]:
    __a = 1
    def m(self, x: __T) -> __a:
        return __T
