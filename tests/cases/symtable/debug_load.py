if __debug__:
    x = __debug__
