class Inner:
    def __del__(self): print("inner del")
class Outer:
    def __init__(self): self.inner = Inner()
    def __del__(self): print("outer del")
o = Outer()
del o
print("end")
