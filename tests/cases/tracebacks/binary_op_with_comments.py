def f(a, b):
    return (a  # the left side
            **  # power
            b)


f("x", 2)
