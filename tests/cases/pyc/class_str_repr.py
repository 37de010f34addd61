class P:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return f"P<{self.v}>"
class Q(P):
    def __repr__(self):
        return "Q!"
p, q = P(1), Q(2)
print(p, str(q), repr(q), [q], f"{p}", f"{q!r}", "%s" % p)
print(repr(p).startswith("<__main__.P object at"), P, Q, type(p))
