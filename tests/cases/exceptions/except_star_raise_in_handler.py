try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise KeyError("new")
except ExceptionGroup as e:
    print(repr(e), repr(e.exceptions[0].__context__))
