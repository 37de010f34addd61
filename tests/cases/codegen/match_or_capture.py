match x:
    case [a, b] | (b, a):
        pass
    case {'x': c} | {'y': c}:
        pass
