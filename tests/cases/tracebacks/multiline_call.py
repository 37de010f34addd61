def g(a, b, c):
    return a[b][c]

value = g(
    {"k": []},
    "k",
    0,
)
