f(1, 2, key=)
