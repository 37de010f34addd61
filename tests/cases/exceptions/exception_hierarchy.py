for cls in [ZeroDivisionError, KeyError, IndexError, UnboundLocalError, ModuleNotFoundError,
            NotImplementedError, RecursionError, FileNotFoundError, StopAsyncIteration, UnicodeError]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
