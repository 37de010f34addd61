class Outer:
    Y = 1
    class Inner[T: Y = Y]:
        pass
