if x == 0007:
    pass
