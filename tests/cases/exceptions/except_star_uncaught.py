try:
    raise ExceptionGroup("many", [ValueError(1), TypeError("t")])
except* ValueError:
    pass
