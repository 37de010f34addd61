def f():
    try:
        return "try"
    finally:
        print("finally before return")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "end"
print(g())
def h():
    try:
        raise ValueError("x")
    except ValueError:
        return "from except"
    finally:
        print("h finally")
print(h())
