def f(n):
    k = 3
    return sum(i * k for i in range(n))
