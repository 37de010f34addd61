def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class S(str):
    pass
t(lambda: S('%s!') % 'x')
t(lambda: '%s' % S('y'))
t(lambda: '%d%%' % True)
t(lambda: '%s %s' % [1, 2])
t(lambda: '%(a)s' % {'a': b'bytes'})
t(lambda: '%5.1f%%' % 99.44)
t(lambda: '%-6s|%6s' % ('é', '😀'))
t(lambda: '%x' % -255)
t(lambda: '%o' % -8)
t(lambda: '%#X' % 3054)
t(lambda: '%e' % 0)
t(lambda: '%g' % 1e-5)
t(lambda: '%.0e' % 12345)
