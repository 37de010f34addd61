def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: 'ab'.center(5))
t(lambda: 'ab'.center(6, '*'))
t(lambda: 'abc'.center(6, '*'))
t(lambda: 'a'.center(4))
t(lambda: 'ab'.ljust(5, '-'))
t(lambda: 'ab'.rjust(5, '-'))
t(lambda: 'ab'.rjust(1))
t(lambda: 'ab'.center(-3))
t(lambda: 'ab'.center(5, 'xy'))
t(lambda: 'ab'.center(5, 1))
t(lambda: 'ab'.center('5'))
t(lambda: 'ab'.ljust(4, 'é'))
