y = [a, for a in c]
