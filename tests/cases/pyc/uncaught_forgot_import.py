values = [4, 9, 16]
print([math.sqrt(v) for v in values])
