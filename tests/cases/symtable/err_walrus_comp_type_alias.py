type X = [(y := 1) for _ in x]
