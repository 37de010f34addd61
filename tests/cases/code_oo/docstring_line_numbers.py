

"""
Multi-line
module docstring.
"""



def f():
    """
    Multi-line
    function docstring.
    """
    return f.__doc__
