try:
    raise OSError("disk", 28)
except OSError as e:
    print(e.args, str(e), repr(e))
e = KeyError("k")
print(str(e), repr(e), e.args[0])
err = RuntimeError()
print(repr(err), str(err) == "", err.args)
try:
    raise TypeError("bad type") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__)
def fail():
    raise NotImplementedError
try:
    fail()
except NotImplementedError as e:
    print(type(e).__name__, isinstance(e, RuntimeError), e.__traceback__ is not None)
