class Holder:
    pass


def method_returned():
    return Holder().missing_method()


method_returned()
