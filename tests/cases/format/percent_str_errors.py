def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: '%s %s' % ('a',))
t(lambda: '%s' % ('a', 'b'))
t(lambda: '%d' % 'a')
t(lambda: '%x' % 1.5)
t(lambda: '%f' % 'a')
t(lambda: '%z' % 1)
t(lambda: '%' % ())
t(lambda: '%c' % 'ab')
t(lambda: '%c' % -1)
t(lambda: '%c' % 1.5)
t(lambda: 'abc' % 5)
t(lambda: '%s' % ())
