try:
    [][0]
except IndexError:
    raise TypeError("context suppressed") from None
