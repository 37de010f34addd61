if __debug__:
    x = 1
y = __debug__
