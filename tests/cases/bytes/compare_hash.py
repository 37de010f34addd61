def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(b'a' < b'b', b'abc' == b'abc', b'a' == bytearray(b'a'), bytearray(b'a') == b'a', b'a' == 'a')
print(b'' < b'\x00', b'ab' >= b'a', bytearray(b'z') > b'a')
t(lambda: b'a' < 'a')
print(hash(b'abc') == hash('abc'), hash(b'') == 0)
t(lambda: hash(bytearray(b'a')))
print({b'a': 1}[b'a'])
