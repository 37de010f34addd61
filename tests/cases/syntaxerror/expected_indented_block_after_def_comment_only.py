def f():
# body missing
