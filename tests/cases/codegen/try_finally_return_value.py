def f():
    try:
        return 1
    finally:
        print(2)
