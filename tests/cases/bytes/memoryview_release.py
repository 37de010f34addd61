def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

m = memoryview(b'abc')
with m as view:
    print(view is m, view.tobytes())
print(repr(m))
t(lambda: m.tobytes())
t(lambda: len(m))
t(lambda: m[0])
m2 = memoryview(bytearray(b'x'))
m2.release()
m2.release()
print(repr(m2))
m3 = memoryview(b'ab').cast('B')
print(m3.tolist(), bytes(memoryview(m3)))
print(b'x' + memoryview(b'y'), bytearray(memoryview(b'z')), b'abc'.find(memoryview(b'c')))
