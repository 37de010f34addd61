def a():
    raise ValueError("bad value")

def b():
    raise TypeError("bad type")

errors = []
for fn in (a, b):
    try:
        fn()
    except Exception as e:
        errors.append(e)
raise ExceptionGroup("two failures", errors)
