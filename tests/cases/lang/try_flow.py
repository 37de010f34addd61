def trace(kind):
    log = []
    try:
        log.append("try")
        if kind == "raise":
            raise KeyError("k")
        if kind == "return":
            return log
    except KeyError as e:
        log.append(f"except {e!r}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
for kind in ("ok", "raise", "return"):
    print(kind, trace(kind))
def nested():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError:
        print("outer caught")
nested()
def except_name_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        err
    except NameError as e:
        print("cleared:", e)
    except UnboundLocalError as e:
        print("unbound:", e)
except_name_cleared()
try:
    try:
        raise TypeError("first")
    except TypeError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("x") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
for exc in (ValueError, TypeError, KeyError):
    try:
        raise exc("m")
    except (ValueError, TypeError) as e:
        print("tuple caught", type(e).__name__)
    except Exception as e:
        print("generic", type(e).__name__)
