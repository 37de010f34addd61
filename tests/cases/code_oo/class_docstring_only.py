class A:
    """Just a docstring."""

class B(A):
    """Docstring and attribute."""
    x = 1

class C:
    x = "not a docstring"
