class MC(complex): pass
class H:
    def __complex__(self): return 3j
print(complex(1j))
print(complex(MC(1j)))
print(complex(1j, 1j))
print(complex(H(), 2))
print(complex(H()))
print(complex(1.5, 2j))
print(complex(1j, 2))
print(complex(1, 1j))
print(complex(real=2j))
class C:
    def __complex__(self):
        class CC(complex): pass
        return CC(1, 2)
print(complex(C()))
