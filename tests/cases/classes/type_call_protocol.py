class A:
    def __new__(cls, x):
        if x < 0: return "neg"
        return super().__new__(cls)
    def __init__(self, x):
        print("init", x)
print(A(1).__class__.__name__, A(-1))
class B(A): pass
print(type(B(2)).__name__)
