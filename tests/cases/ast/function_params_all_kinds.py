def f(a, b, /, c, d=1, *args, e, f=2, **kwargs): pass
def g(a, /): pass
def h(a=1, /, b=2): pass
def i(a, b=1, /, c=2, *, d, e=3): pass
def j(*, a): pass
def k(*, a=1, b): pass
def l(**kw): pass
def m(*args, **kw): pass
def n(a, /, *, b): pass
def o(a, b=2, /): pass
def p(a, b, /, c): pass
def q(a,): pass
def r(*args,): pass
def s(**kw,): pass
def t(a, *, b,): pass
