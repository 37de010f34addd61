class C:
    def m(self):
        global __x
        __x = 1
    __y = 2
