from_list = list[int]
print(from_list.append is list.append, from_list.__name__, from_list.__mro_entries__((from_list,)))
print(dict[str, int] | None, (list[int] | dict[str, int]).__args__, type[str], tuple[int, ...].__args__)
print(list[list[int]] == list[list[int]], {list[int]: 1}[list[int]])
def f[T](x: list[T]) -> dict[str, T]:
    return {}
print(f.__annotations__, f.__type_params__[0] in f.__annotations__["x"].__parameters__)
type Tree[N] = list[N | Tree[N]]
print(Tree.__value__, Tree[int], Tree.__parameters__)
type Plain = int
try:
    Plain[int]
except TypeError as e:
    print(e)
u = int | str | None
print(u, u.__args__, isinstance(None, u), isinstance(1.5, u), issubclass(str, u))
print(hash(int | str) == hash(str | int), (int | str) == (int | float), int | str | int | str)
try:
    list[int][str]
except TypeError as e:
    print(e)
try:
    issubclass(list, list[int])
except TypeError as e:
    print(e)
try:
    "a" | int
except TypeError as e:
    print(e)
