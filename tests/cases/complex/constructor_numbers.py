def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(complex(), complex(5), complex(1.5), complex(True), complex(1, 2), complex(1.5, -2))
print(complex(real=1, imag=2), complex(imag=2), complex(2**53), complex(-0.0, 0))
t(lambda: complex(1, 2, 3))
t(lambda: complex(None))
t(lambda: complex(1, None))
t(lambda: complex([]))
t(lambda: complex(foo=1))
t(lambda: complex(10**400))
