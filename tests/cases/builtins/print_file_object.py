class Sink:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
s = Sink()
print("hello", 42, file=s)
print("x", file=s, end="")
print(s.parts)
print("to stdout", file=None)
