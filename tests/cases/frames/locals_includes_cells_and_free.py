def outer():
    a = 1
    cell = 2
    def inner():
        b = 3
        return cell, locals()
    print(sorted(locals()))
    print(inner()[1])
    del a
    print(sorted(locals()))

outer()
