match m:
    case {1: _, True: _}:
        pass
