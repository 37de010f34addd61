match x:
    case []:
        pass
    case [_, _]:
        pass
    case [*_]:
        pass
    case [a, *_]:
        pass
    case [*_, b]:
        pass
    case [a, *_, b]:
        pass
