class A:
    pass
a = A()
try:
    a.missing
except AttributeError as e: print(e)
try:
    A.missing
except AttributeError as e: print(e)
try:
    del a.missing
except AttributeError as e: print(e)
try:
    object().x = 1
except AttributeError as e: print(e)
try:
    (1).real = 2
except AttributeError as e: print(e)
try:
    int.x = 1
except TypeError as e: print(e)
