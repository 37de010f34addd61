def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

b = b'hello world'
t(lambda: b.find(b'o'))
t(lambda: b.rfind(b'o'))
t(lambda: b.find(111))
t(lambda: b.find(b'o', 5, 8))
t(lambda: b.index(b'z'))
t(lambda: b.rindex(b'z'))
t(lambda: b.count(b'o'))
t(lambda: b.count(b''))
t(lambda: b.count(108))
t(lambda: b.find('o'))
t(lambda: b.find(300))
t(lambda: bytearray(b'abc').index(b'c'))
