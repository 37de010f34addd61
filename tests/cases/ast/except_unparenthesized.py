try:
    pass
except ValueError, TypeError:
    pass
except KeyError, IndexError, AttributeError:
    pass
try:
    pass
except* OSError, RuntimeError:
    pass
