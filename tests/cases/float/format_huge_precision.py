def t(f):
    try:
        r = f()
        print(repr(r[:40]), repr(r[-12:]), len(r))
    except Exception as e:
        print(type(e).__name__ + ':', str(e)[:100])
t(lambda: format(1.5, '.70000f'))
t(lambda: format(1.5, '.70000e'))
t(lambda: format(1.5, '.70000g'))
t(lambda: format(1.5, '#.70000g'))
t(lambda: format(1e-300, '#.2000g'))
t(lambda: format(1/3, '.70000%'))
t(lambda: '%.70000f' % 0.1)
t(lambda: format(2.0**-1074, '.1100f'))
t(lambda: format(1e300, '.2000f'))
t(lambda: format(1e300, ',.1200f'))
