class P:
    def __pow__(self, o, mod=None): return ("pow", o, mod)
    def __rpow__(self, o): return ("rpow", o)
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
    def __matmul__(self, o): return "matmul"
p = P()
print(p ** 2, 2 ** p, pow(p, 3), divmod(p, 1), divmod(1, p), p @ p)
