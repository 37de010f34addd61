match x:
    case 0:
        pass
    case -1:
        pass
    case 1.5:
        pass
    case -2.5e3:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case 3j:
        pass
    case -4j:
        pass
    case "s":
        pass
    case b"b":
        pass
    case "a" "b":
        pass
    case f"x" "y" if False:
        pass
    case None:
        pass
    case True:
        pass
    case False:
        pass
