class C:
    __x = 1
    __y__ = 2
    _z = 3
    def __m(self, __a):
        __b = __a
        return self.__x, __x, __undefined
    import __mod
    import __pkg.sub
