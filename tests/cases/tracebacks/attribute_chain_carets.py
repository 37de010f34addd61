class A:
    b = None

a = A()
print(a.b.c)
