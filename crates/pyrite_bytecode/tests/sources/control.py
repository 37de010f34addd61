"""Exception handling, with, match and loops."""


def handlers(f, g):
    try:
        f()
    except (ValueError, TypeError) as exc:
        print(exc)
    else:
        g()
    finally:
        print("finally")
    try:
        g()
    except* OSError:
        pass
    with open(f) as a, open(g) as b:
        a.write(b.read())
    while f:
        if g:
            break
        f -= 1
    else:
        return None
    for i, j in enumerate(g):
        continue


def matching(command):
    match command.split():
        case [action]:
            return action
        case ["go", direction] | ["move", direction]:
            return direction
        case {"x": x, **rest}:
            return x, rest
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case str() | bytes():
            return None
        case _:
            raise ValueError(command) from None


def long_lines(value):
    result = value.attribute_number_one.attribute_number_two.attribute_number_three.method_call_here(value, value, value, value)
    return (value +
            value *
            value)


type Alias[T] = list[T]


def generic[T: int, *Ts, **P](x: T) -> T:
    return x
