from m import *
def f():
    return name
