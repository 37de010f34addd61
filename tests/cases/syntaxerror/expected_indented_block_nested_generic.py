def f():
    try:
        pass
    except A, B:
    return 1
