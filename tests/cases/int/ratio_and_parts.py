def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for n in [0, 7, -12, 2**70]:
    print(n.as_integer_ratio(), n.conjugate(), n.is_integer())
    print(n.real, n.imag, n.numerator, n.denominator)
print(True.real, True.numerator, type(True.real).__name__, type(True.conjugate()).__name__)
print((5).__trunc__(), (5).__floor__(), (-5).__ceil__(), True.__floor__())
print((42).__getnewargs__())
