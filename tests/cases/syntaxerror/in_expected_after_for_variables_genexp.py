g = (x for x y)
