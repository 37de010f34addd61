def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class B(bytes):
    pass
b = B(b'abc')
print(type(b).__name__, b, len(b), b == b'abc', b.upper(), type(b.upper()).__name__)
class BA(bytearray):
    pass
ba = BA(b'x')
ba.append(121)
print(ba)
