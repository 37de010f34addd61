match x:
    case C(1=a):
        pass
