a = __debug__ and 1
b = not __debug__
c = (__debug__, 1)
d = [__debug__] * 2
