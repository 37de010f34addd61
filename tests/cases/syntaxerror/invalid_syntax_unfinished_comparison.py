if a < :
    pass
