class C:
    __x = 1
    def __f(self):
        return self.__x + __y
