"""Module docstring."""
def f():
    """Function docstring."""
class C:
    """Class docstring."""
    def m(self):
        r"""Raw docstring \d."""
        return 1
async def g():
    '''Async docstring.'''
def h():
    "implicit" "concatenated"
def i():
    f"not a docstring {x}"
