"""Module docstring."""

class Outer:
    """Outer doc."""

    class Inner:
        """Inner doc."""

        def method(self):
            """Method doc."""
            def inner():
                """Innermost doc."""
                return 1
            return inner
