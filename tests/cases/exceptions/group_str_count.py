print(str(ExceptionGroup("one", [ValueError()])))
print(str(ExceptionGroup("two", [ValueError(), TypeError()])))
print(repr(ExceptionGroup("r", (ValueError(1),))))
