class C:
    try:
        x: int
    except E:
        pass
