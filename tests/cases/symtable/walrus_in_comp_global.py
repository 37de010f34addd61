def f(data):
    global last
    [last := x for x in data]
