def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print((1.5).real, (1.5).imag, (1.5).conjugate(), (2.0).__getnewargs__())
print(float.__getformat__('double'), float.__getformat__('float'))
t(lambda: float.__getformat__('x'))
t(lambda: float.__getformat__(1))
print(float.from_number(5), float.from_number(2.5))
t(lambda: float.from_number('5'))
