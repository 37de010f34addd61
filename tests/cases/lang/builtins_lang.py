print(abs(-3), abs(-2.5), min(3, 1, 2), max("abc"), min([4, 2], default=0), max([], default="none"))
print(sum([1, 2, 3], 10), sum([0.1] * 3), divmod(17, 5), pow(2, 8), round(3.14159, 2), round(7))
print(sorted({3: 1, 1: 2}), list(reversed("abc")), any([0, "", 3]), all([1, []]), all([]), any([]))
print(len("abc"), len([1]), len({}), len(range(10)), bool(range(0)))
print(isinstance(3, (str, int)), issubclass(bool, int), callable(print), callable(3), type(3) is int)
print(hex(255), oct(8), bin(5), chr(65), ord("A"), int("42"), float("2.5"), str(4.0))
print(list(enumerate("ab")), list(zip([1, 2], "ab")), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(hash(1) == hash(1.0), id(None) == id(None), repr(None), ascii("é") if False else "", format(5, "03"))
print(getattr(1, "real"), hasattr("", "upper"), dir(object)[:3], type(len).__name__, type(lambda: 0).__name__)
for bad in (lambda: len(5), lambda: abs("x"), lambda: min(), lambda: int("x"), lambda: float("y"), lambda: chr(-1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
