def f():

    # c1

    x = 1


    # c2
    return x


# c3
class C:

    pass
