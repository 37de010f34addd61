y = [x for a, b of c]
