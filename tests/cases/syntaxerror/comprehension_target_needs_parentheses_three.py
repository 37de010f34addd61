y = [a, b, c for a, b, c in d]
