def f(name):
    return t"hello {name} {other:{spec}}"
