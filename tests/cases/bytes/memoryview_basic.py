def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

m = memoryview(b'hello')
print(len(m), m[0], m[-1], m.tobytes(), m.tolist(), m.hex(), bytes(m[1:3]))
print(m.format, m.itemsize, m.nbytes, m.readonly, m.ndim, m.shape, m.strides, m.obj)
print(m == b'hello', m[::2].tobytes(), m[::-1].tobytes(), list(m[1:4]))
t(lambda: m[5])
t(lambda: m['a'])
t(lambda: memoryview('abc'))
t(lambda: memoryview(5))
print(hash(m) == hash(b'hello'))
