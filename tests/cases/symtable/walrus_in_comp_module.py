xs = [y := x for x in range(3)]
