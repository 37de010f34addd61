try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        print("handled", e.exceptions)
except ExceptionGroup as rest:
    print("rest", repr(rest))
