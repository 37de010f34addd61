match x:
    case 1:
        a()
    case 'a' | 'b':
        b()
    case None:
        c()
    case True:
        pass
    case -1:
        pass
    case 1+2j:
        pass
