for in x:
    pass
