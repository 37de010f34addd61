class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key}")
        self.key = key
try:
    raise NotFound("k1")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, isinstance(e, Exception))
try:
    raise AppError
except AppError as e:
    print(repr(e), str(e) == "")
e = ValueError("a", 2)
print(e, repr(e), e.args)
print(issubclass(NotFound, AppError), issubclass(KeyError, LookupError), issubclass(ValueError, KeyError))
