f(lambda: 0, key=lambda x: -x)
sorted(a, key=lambda x: (x[1], x[0]))
x = [lambda i=i: i for i in range(3)]
y = lambda x: x if x else None
