squares = [n * n for n in range(10)]
evens = [s for s in squares if s % 2 == 0]
pairs = {s: s % 3 for s in evens}
print(squares, evens, pairs, sum(squares), max(evens))
