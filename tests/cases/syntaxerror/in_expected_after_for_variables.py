y = [x for x y]
