def f[T](x: T) -> T:
    """Generic function doc."""
    assert x is not None
    return x

class Box[T]:
    """Generic class doc."""
    def get(self) -> T:
        """get doc"""
        return self.item
