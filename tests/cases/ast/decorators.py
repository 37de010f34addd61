@dec
def f(): pass
@dec()
def g(): pass
@a.b.c
@d(1, k=2)
class C: pass
@staticmethod
@property
def h(self): pass
