def classify(n):
    return "negative" if n < 0 else "zero" if n == 0 else "small" if n < 10 else "large"
print([classify(n) for n in [-5, 0, 3, 42]])
a, b = 3, 7
print(max(a, b) if a != b else None, (a, b)[a < b], a < b < 10, not a == b)
x = None
print(x or "default", x is None and "none", [] or {} or 0 or "last")
