def outer(a):
    b = a * 2
    def middle(c):
        def inner(d):
            nonlocal c
            c += d
            return a + b + c
        return inner
    return middle
counter = outer(1)(2)
