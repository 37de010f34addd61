type X = (y := 1)
