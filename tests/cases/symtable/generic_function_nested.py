def outer(d):
    def inner[T](a=d, *, k=d) -> T:
        return a
    return inner
