print(issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(ExceptionGroup, Exception))
print(ExceptionGroup.__mro__)
class MyGroup(ExceptionGroup): pass
g = MyGroup("m", [ValueError()])
print(type(g).__name__, repr(g))
