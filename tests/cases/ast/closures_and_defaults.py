def make(n):
    return [lambda i=i: i * n for i in range(3)]
def acc(start=0, *, step=1):
    total = start
    def add(x=step):
        nonlocal total
        total += x
        return total
    return add
