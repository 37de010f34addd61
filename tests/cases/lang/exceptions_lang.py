class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise AppError(404, "missing")
except AppError as e:
    print(e.code, e, e.args, repr(e))
errors = [ValueError("v"), KeyError("k"), IndexError(3), ZeroDivisionError(), AttributeError("a")]
for err in errors:
    print(type(err).__name__, str(err), repr(err), isinstance(err, LookupError))
print(issubclass(KeyError, LookupError), issubclass(RecursionError, RuntimeError), ZeroDivisionError.__mro__)
def raiser():
    raise ValueError("inner")
try:
    try:
        raiser()
    except ValueError as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    print(e, "caused by", repr(e.__cause__))
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
e = Exception(1, "two", None)
print(e.args, str(e), repr(e))
print(str(Exception()), str(Exception("only")), repr(BaseException()))
try:
    raise 42
except TypeError as e:
    print(e)
