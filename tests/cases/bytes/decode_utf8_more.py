def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for data in [b'\xc0\x80', b'\xe0\x80\x80', b'\xf4\x90\x80\x80', b'\xf0\x9f\x98', b'\xc3', b'a\x80b', b'\xf5', b'\xe2\x28\xa1']:
    t(lambda: data.decode())
    print(ascii(data.decode('utf-8', 'replace')), ascii(data.decode('utf-8', 'backslashreplace')))
