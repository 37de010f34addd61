def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(1j, 2+3j, -1j, 1.5-2j, 0j, -0j, 1e20j, 1e-20+1j)
print(repr(complex(0.0, -0.0)), repr(complex(-0.0, 0.0)), repr(complex(-0.0, -0.0)))
print(repr(complex(float('nan'), float('inf'))), repr(complex(1e16, 1)), str(1+2j))
print(type(1j).__name__, isinstance(1j, complex), complex.__name__)
