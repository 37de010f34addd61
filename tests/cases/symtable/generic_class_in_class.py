class Outer:
    X = int
    class Inner[T: X](X):
        y: T
