try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
except* ValueError:
    print("handled ValueError")
except* TypeError:
    raise RuntimeError("raised in except*")
