# Exceptions of built-in classes, their aliases and subclasses defined in Python, raised
# and caught again and again (the loop finds each one's built-in kind).
class MyKeyError(KeyError):
    pass


class Deep(MyKeyError):
    pass


class MyOSError(OSError):
    pass


cases = [KeyError("k"), MyKeyError("m"), Deep("d"), IOError("gone"), EnvironmentError("e"),
         MyOSError("denied"), StopIteration(5), ZeroDivisionError("z"), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"),
         RecursionError("r"), ExceptionGroup("g", [ValueError(1)]), BaseExceptionGroup("b", [KeyboardInterrupt()])]
for round_ in range(2):
    for exc in cases:
        try:
            raise exc
        except LookupError as caught:
            print("LookupError", type(caught).__name__, caught.args)
        except OSError as caught:
            print("OSError", type(caught).__name__, caught.args)
        except ArithmeticError as caught:
            print("ArithmeticError", type(caught).__name__)
        except ValueError as caught:
            print("ValueError", type(caught).__name__)
        except Exception as caught:
            print("Exception", type(caught).__name__, repr(caught))
        except BaseException as caught:
            print("BaseException", type(caught).__name__, repr(caught))
print(IOError is OSError, EnvironmentError is OSError)
try:
    {}["missing"]
except KeyError as caught:
    print(repr(caught))
