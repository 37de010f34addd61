class P:
    def __init__(self): self.a = 1; self.b = 2
match P():
    case P(a=1, b=x): print("b is", x)
match P():
    case P(c=1): print("no")
    case _: print("default")
