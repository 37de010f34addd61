print(type(reversed([])).__name__, type(iter([])).__name__, type(reversed(range(3))).__name__, type(reversed({})).__name__)
print([1, 2, 3].__reversed__().__length_hint__())
