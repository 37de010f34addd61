class A: pass
class B(A): pass
try:
    class C(A, B): pass
except TypeError as e: print(e)
try:
    class D(A, A): pass
except TypeError as e: print(e)
try:
    class E(1): pass
except TypeError as e: print(e)
try:
    class F(bool): pass
except TypeError as e: print(e)
