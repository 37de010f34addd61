for args in [("m",), ("m", []), (1, [ValueError()]), ("m", [1]), ("m", ValueError())]:
    try:
        ExceptionGroup(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e: print(e)
