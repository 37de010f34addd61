def outer(x):
    return x


def inner(y):
    return y.upper()


value = outer(
    inner(
        42
    )
)
