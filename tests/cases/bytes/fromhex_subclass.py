def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class B(bytes):
    pass
print(type(B.fromhex('61')).__name__, B.fromhex('6162'))
class BA(bytearray):
    pass
print(type(BA.fromhex('61')).__name__)
print(bytes.fromhex('61 62\t63\n64'))
