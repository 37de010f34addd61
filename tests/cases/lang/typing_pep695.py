def f[T, *Ts, **P](): pass
T, Ts, P = f.__type_params__
print(T, Ts, P, repr(T), type(T), type(Ts), type(P), T.__name__, Ts.__name__, P.__name__)
print(T.__bound__, T.__constraints__, T.__covariant__, T.__contravariant__, T.__infer_variance__, T.__default__, T.has_default(), T.__module__)
def g[B: int, C: (str, float), D = list[int]](): pass
B, C, D = g.__type_params__
print(B.__bound__, C.__constraints__, D.__default__, D.has_default(), B.has_default(), repr(B), type(D.__default__))
print(T | int, int | T, T | None)
print(P.args, P.kwargs, repr(P.args), Ts.__default__)
type Alias[K] = dict[K, int]
print(Alias, repr(Alias), type(Alias), Alias.__name__, Alias.__value__, Alias.__type_params__, Alias.__module__, Alias[str])
type Simple = int | str
print(Simple.__value__, Simple.__type_params__, Simple | None)
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]), list[int].__origin__, list[int].__args__, list[int]())
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]), list[T][int] if False else None)
print(int | str, type(int | str), (int | str).__args__, int | str | int, (int | str) == (str | int), int | None)
print(isinstance(3, int | str), isinstance("a", int | str), isinstance(3.0, int | str), issubclass(bool, int | str))
try:
    isinstance(3, list[int])
except TypeError as e:
    print(e)
try:
    int | 3
except TypeError as e:
    print(e)
print(type[int], repr(tuple[()]), list[int, str], list["int"])
