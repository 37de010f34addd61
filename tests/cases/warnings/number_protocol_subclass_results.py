class MyInt(int): pass
class MyFloat(float): pass
class A:
    def __index__(self): return MyInt(5)
    def __int__(self): return MyInt(6)
    def __float__(self): return MyFloat(1.5)
r = [0,1,2,3,4,5,6][A()]
print(r)
i = int(A())
print(i, type(i))
f = float(A())
print(f, type(f))
print(bin(A()))
