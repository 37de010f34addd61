def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for spec in ['10.3f', '<10.3f', '^10.3e', ',.2f', '_.2f', '.0f', '#.0f', 'e', '.0e', '#.0e', 'E', 'F', '+.2f', ' .2f', '=+10.2f', '010.2f']:
    print(repr(spec), format(3.14159, spec), format(-1234567.891, spec))
