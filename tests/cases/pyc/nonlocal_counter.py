def make():
    total = 0
    calls = []
    def add(x):
        nonlocal total
        total += x
        calls.append(x)
        return total
    def report():
        return total, calls
    return add, report
add, report = make()
for v in [5, 10, 20]:
    add(v)
print(report())
