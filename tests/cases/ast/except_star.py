try:
    pass
except* ValueError:
    pass
except* (TypeError, KeyError) as eg:
    pass
except* OSError as e:
    pass
else:
    pass
finally:
    pass
try:
    raise ExceptionGroup("g", [ValueError()])
except *ValueError as e:
    pass
