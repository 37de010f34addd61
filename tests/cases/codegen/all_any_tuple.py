all(x for x in y)
any(x for x in y)
tuple(x for x in y)
