class A:
    class B:
        __x = 1
        def m(self):
            return __x
    __y = [__z for __z in range(2)]
