def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for x in [1e20, 1e-5, 123.456, 0.0, 1e16, 1e15, 123456.0, 1234567.0, 0.0001, 0.00001, 1.5, 1e-20]:
    print(format(x, 'g'), format(x, '.2g'), format(x, '#g'), format(x, 'G'), format(x, ''), format(x, '.3'), format(x, 'n'))
