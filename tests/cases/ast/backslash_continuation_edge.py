x = 1 \
+ 2
def f():
    return \
1
class C(\
A): pass
