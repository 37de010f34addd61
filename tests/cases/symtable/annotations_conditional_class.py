class C:
    try:
        a: int
    except E:
        pass
    b: int
