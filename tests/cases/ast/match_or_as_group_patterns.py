match v:
    case 1 | 2 | 3:
        pass
    case (1 | 2) as n:
        pass
    case [1, 2] | [3, 4] as pair:
        pass
    case (x):
        pass
    case ((a, b) | [a, b]):
        pass
    case {"k": 1 | 2 as w}:
        pass
    case Point(x=0 | 1 as x):
        pass
    case (1 as one) | (2 as one):
        pass
