def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class B:
    def __bytes__(self):
        return b'custom'
class Bad:
    def __bytes__(self):
        return 'no'
t(lambda: bytes(B()))
t(lambda: bytes(Bad()))
t(lambda: b'%s' % B())
