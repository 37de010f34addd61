class P:
    __match_args__ = ("a",)
    a = 1
class NoArgs: pass
def t(code):
    try:
        code()
    except TypeError as e: print(e)
def m1(v):
    match v:
        case P(1, 2): pass
def m2(v):
    match v:
        case NoArgs(1): pass
def m3(v):
    match v:
        case P(1, a=1): pass
class Bad:
    __match_args__ = ["a"]
def m4(v):
    match v:
        case Bad(1): pass
def m5(v):
    notatype = 1
    match v:
        case notatype(): pass
t(lambda: m1(P())); t(lambda: m2(NoArgs())); t(lambda: m3(P())); t(lambda: m4(Bad())); t(lambda: m5(1))
