def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for spec in [',', '_', '08,d', '09,d', '07,d', '010_x', '#012_x', '+08,d', '=+10,', '*^15,', '>12_']:
    print(repr(spec), format(1234, spec), format(-1234567, spec), format(10**20, spec))
