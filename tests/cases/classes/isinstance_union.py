print(isinstance(1, int | str), isinstance(1.0, int | str))
print(issubclass(bool, int | None))
u = int | str
print(u, type(u).__name__, u.__args__)
print(int | None)
