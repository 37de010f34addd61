class A:
    def __len__(self): return 3
print(len(A()), bool(A()))
class B:
    def __len__(self): return -1
try:
    len(B())
except ValueError as e: print(e)
class C:
    def __len__(self): return "x"
try:
    len(C())
except TypeError as e: print(e)
try:
    len(object())
except TypeError as e: print(e)
