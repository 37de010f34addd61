x = a]
