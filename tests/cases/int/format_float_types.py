def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for spec in ['e', '.3f', 'g', '%', '.1%', 'E', 'G', '10.2f', ',.2f', '_e']:
    print(spec, format(5, spec), format(123456789, spec), format(-7, spec))
t(lambda: format(10**400, 'e'))
print(format(2**53 + 1, '.0f'))
