def f():
    try:
        try:
            raise KeyError("inner")
        except KeyError as e:
            print("inner caught", e)
            raise RuntimeError("converted") from e
    except RuntimeError as e:
        print("outer caught", e, type(e.__cause__).__name__, e.__context__ is e.__cause__)
        return "done"
    finally:
        print("cleanup")
print(f())
try:
    try:
        1 / 0
    finally:
        print("finally runs")
except ZeroDivisionError:
    print("propagated")
try:
    raise
except RuntimeError as e:
    print(e)
