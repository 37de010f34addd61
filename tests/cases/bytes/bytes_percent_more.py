def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: b'%x %o %X' % (255, 8, 3054))
t(lambda: b'%+5d|%-+5d|% d' % (3, 3, 3))
t(lambda: b'%.3s|%5.1s|' % (b'abcdef', b'xyz'))
t(lambda: b'%*d|%-*d|' % (4, 1, 4, 2))
t(lambda: b'%i %u' % (True, 7))
t(lambda: b'%g %G %.3e' % (0.5, 1e-10, 12.5))
t(lambda: b'%a' % 'é')
t(lambda: b'%b' % 5)
t(lambda: b'%c' % b'ab')
t(lambda: b'%(x)s' % (1,))
