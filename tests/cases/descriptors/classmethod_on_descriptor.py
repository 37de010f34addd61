class A:
    @classmethod
    def c(cls): return cls
print(A.__dict__["c"].__get__(None, A)() is A)
print(A.__dict__["c"].__get__(A())() is A)
