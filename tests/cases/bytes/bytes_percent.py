def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: b'%s and %s' % (b'a', bytearray(b'b')))
t(lambda: b'%d %5d %-5d| %05d %x %X %o %#x' % (1, 2, 3, -4, 255, 255, 8, 255))
t(lambda: b'%c%c' % (65, b'B'))
t(lambda: b'%r %a' % ('é', b'x'))
t(lambda: b'%.2f %e' % (3.14159, 1234.5))
t(lambda: b'%(a)s-%(b)d' % {b'a': b'x', b'b': 2})
t(lambda: b'%s' % 'str')
t(lambda: b'%d' % 'x')
t(lambda: b'%s %s' % (b'a',))
t(lambda: b'%s' % (b'a', b'b'))
t(lambda: b'%c' % 256)
t(lambda: b'100%%' % ())
t(lambda: bytearray(b'%s!') % b'x')
t(lambda: b'%5s|%-5s|' % (b'ab', b'cd'))
