def attempt(f, *args):
    try:
        print("ok", f(*args))
    except Exception as e:
        print(type(e).__name__, e)


b = bytearray(16)
m = memoryview(b)
c = m.cast('h')
attempt(c.__setitem__, 0, 70000)
attempt(c.__setitem__, 0, 'x')
attempt(c.__setitem__, 0, 1.5)
c[0] = -2
c[-1] = 0x4142
print(b, c[0], c[7], c.tolist())
f = m.cast('f')
attempt(f.__setitem__, 0, 'x')
f[0] = 1
f[1] = 1e300
f[2] = 2.5
print(f.tolist())
d = m.cast('d')
d[1] = 1e400
attempt(d.__setitem__, 0, None)
print(d.tolist())
e = m.cast('e')
e[0] = 1.5
attempt(e.__setitem__, 1, 1e10)
attempt(e.__setitem__, 1, 'a')
print(e[0])
ch = m.cast('c')
ch[0] = b'z'
attempt(ch.__setitem__, 0, b'ab')
attempt(ch.__setitem__, 0, 3)
attempt(ch.__setitem__, 0, 'a')
print(ch[0], b[0])
bo = m.cast('?')
bo[0] = 3
bo[1] = []
print(bo[0], bo[1], b[:2])
for fmt, value in [('Q', -1), ('B', 256), ('b', 128), ('b', True), ('i', 2**31), ('q', 2**63),
                   ('I', -1), ('H', 65536), ('Q', 2**64), ('q', -2**63), ('B', 255)]:
    attempt(m.cast(fmt).__setitem__, 0, value)
class Index:
    def __index__(self):
        return 5
attempt(m.cast('i').__setitem__, 0, Index())
print(m.cast('i')[0])
attempt(m.cast('i').__getitem__, 4)
attempt(m.cast('i').__getitem__, -5)
attempt(m.cast('i').__getitem__, 'a')
attempt(m.cast('i').__getitem__, 1.0)
attempt(m.cast('i').__getitem__, Index())
attempt(m.cast('i').__setitem__, 9, 1)
attempt(m.cast('i').__delitem__, 0)
r = memoryview(b'abcd').cast('h')
attempt(r.__setitem__, 0, 1)
print(list(memoryview(b'\x01\x00\x02\x00').cast('h')), list(reversed(memoryview(b'\x01\x00\x02\x00').cast('h'))))
print(1 in memoryview(b'\x01\x00\x02\x00').cast('h'), 3 in memoryview(b'\x01\x00\x02\x00').cast('h'))
h = memoryview(b'\x01\x00\x02\x00\x01\x00').cast('h')
print(h.count(1), h.count(7), h.index(2), h.index(1, 1))
attempt(h.index, 9)
