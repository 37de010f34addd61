eg = ExceptionGroup("m", [ValueError(1), TypeError(2)])
eg.add_note("note")
try:
    raise eg
except ExceptionGroup as caught:
    m, r = caught.split(ValueError)
print(m.__notes__, r.__notes__, m.__traceback__ is eg.__traceback__)
