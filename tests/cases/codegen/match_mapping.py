match x:
    case {}:
        pass
    case {'a': 1, 'b': b}:
        pass
    case {'k': v, **rest}:
        pass
    case {**rest}:
        pass
