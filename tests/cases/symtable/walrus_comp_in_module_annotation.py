x: [(y := 1) for _ in z]
