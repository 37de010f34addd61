def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: bytearray())
t(lambda: bytearray(3))
t(lambda: bytearray([1, 2]))
t(lambda: bytearray(b'ab'))
t(lambda: bytearray('ab', 'ascii'))
t(lambda: bytearray('ab'))
t(lambda: bytearray(1.5))
t(lambda: bytearray([300]))
