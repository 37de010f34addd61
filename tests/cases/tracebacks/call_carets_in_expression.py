def fail(x):
    return 1 / x

def compute(a, b):
    return a + fail(b) * 2

total = compute(1, 0)
