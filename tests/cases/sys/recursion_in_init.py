class A:
    def __init__(self):
        A()
try:
    A()
except RecursionError:
    print("RecursionError")
