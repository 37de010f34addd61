try:
    match 1:
        case int(1, 2): pass
except TypeError as e: print(e)
