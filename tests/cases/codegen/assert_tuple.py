assert (a, b)
