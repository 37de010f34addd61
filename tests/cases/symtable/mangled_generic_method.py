class C[__T]:
    def m[__U](self, a: __T) -> __U:
        return __T, __U
