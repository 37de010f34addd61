class C[T: int = str, *Ts, **P](Base, metaclass=M):
    x: int
    pass
