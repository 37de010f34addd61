match command.split():
    case [action]:
        pass
    case [action, obj, *_]:
        pass
    case Point(x=0, y=0) | Point(1, 2):
        pass
    case {"x": x, 1: y, **rest}:
        pass
    case None | True | False:
        pass
    case -1 | 1.5 | 2+3j | -1-2j | "s" "t" | b"b" | a.b.c:
        pass
    case (1, 2) | [] | () | {}:
        pass
    case [*all] if all:
        pass
    case str() as s:
        pass
    case _:
        pass
