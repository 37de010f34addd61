class A:
    count = 0
    def __init__(self): A.count += 1
A(); A()
print(A.count)
a = A(); a.count = 100
print(a.count, A.count)
del a.count
print(a.count)
print(vars(a), sorted(k for k in vars(A) if not k.startswith("__")))
