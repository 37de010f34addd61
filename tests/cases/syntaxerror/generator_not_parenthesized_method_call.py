obj.method(a, x for x in y)
