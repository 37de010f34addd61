"""Module doc."""
x: int = 1

def f(a: int) -> str:
    """Doc with annotations."""
    return str(a)

class C:
    """Class doc."""
    y: str
