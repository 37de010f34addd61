if a == b = c:
    pass
