def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        return 1 / 0
    if n == 2:
        return [][5]
    if n == 3:
        return {}["missing"]
    return undefined_name
for n in range(5):
    try:
        risky(n)
    except (ValueError, ZeroDivisionError) as e:
        print("A", type(e).__name__, e)
    except LookupError as e:
        print("B", type(e).__name__, e, repr(e))
    except Exception as e:
        print("C", type(e).__name__, e)
    else:
        print("no error")
    finally:
        print("finally", n)
