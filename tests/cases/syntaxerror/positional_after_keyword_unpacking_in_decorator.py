@dec(**k, x)
def f():
    pass
