def g():
    try:
        raise TypeError("t")
    except TypeError:
        print("handling")
        raise
try:
    g()
except TypeError as e:
    print("re-raised", e)
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise IndexError("second")
except IndexError as e:
    print(type(e.__context__).__name__, e.__context__)
