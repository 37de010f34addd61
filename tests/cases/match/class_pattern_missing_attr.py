class P:
    __match_args__ = ("a", "b")
    a = 1
def m(v):
    match v:
        case P(1, b): return b
        case _: return "no"
print(m(P()))
