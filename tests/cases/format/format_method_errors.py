def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: '{'.format(1))
t(lambda: '}'.format(1))
t(lambda: '{0} {}'.format(1, 2))
t(lambda: '{} {0}'.format(1, 2))
t(lambda: '{2}'.format(1))
t(lambda: '{}'.format())
t(lambda: '{x}'.format())
t(lambda: '{0!z}'.format(1))
t(lambda: '{0.}'.format(1))
t(lambda: '{0[}'.format(1))
t(lambda: '{0!}'.format(1))
t(lambda: '{:d}'.format('a'))
t(lambda: '{0.nope}'.format(1))
