def f(/, *args):
    pass
