if not __debug__:
    print("optimized")
else:
    print("debug")
z = 1 if __debug__ else 2
