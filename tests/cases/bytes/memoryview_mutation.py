def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

ba = bytearray(b'abcdef')
m = memoryview(ba)
print(m.readonly)
m[0] = 65
m[1:3] = b'BC'
print(ba)
ba[5] = 70
print(m.tobytes(), m[5])
def f():
    memoryview(b'x')[0] = 1
t(f)
def g():
    m[0:2] = b'xyz'
t(g)
def h():
    m[0] = 256
t(h)
t(lambda: hash(m))
m2 = m[::2]
m2[1] = 122
print(ba, m2.tobytes())
