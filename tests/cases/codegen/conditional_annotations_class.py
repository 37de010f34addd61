class C:
    if x:
        a: int
    b: str
