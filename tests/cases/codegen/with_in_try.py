try:
    with a:
        f()
except E:
    pass
