class C[T](Base, metaclass=M):
    pass
