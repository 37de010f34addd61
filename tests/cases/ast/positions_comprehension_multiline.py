squares = [
    x ** 2
    for x in range(10)
    if x % 2
    for y in range(x)
]
