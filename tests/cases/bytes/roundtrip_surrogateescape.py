def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

data = bytes(range(0x7e, 0x86))
s = data.decode('utf-8', 'surrogateescape')
print(ascii(s), s.encode('utf-8', 'surrogateescape') == data)
