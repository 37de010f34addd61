class C:
    with cm:
        a: int
    match v:
        case 1:
            b: int
    while w:
        c: int
