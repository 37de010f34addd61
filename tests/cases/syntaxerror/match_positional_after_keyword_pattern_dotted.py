match x:
    case a.B(x=1, y):
        pass
