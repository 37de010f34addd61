def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: b'  ab  '.strip())
t(lambda: b'xxabxx'.strip(b'x'))
t(lambda: b'xxabxx'.lstrip(b'x'))
t(lambda: b'xxabxx'.rstrip(b'x'))
t(lambda: b'ab'.strip('a'))
t(lambda: b'aaa'.replace(b'a', b'bb'))
t(lambda: b'aaa'.replace(b'a', b'b', 1))
t(lambda: b'abc'.replace(b'', b'-'))
t(lambda: bytearray(b'abc').replace(b'b', b'X'))
t(lambda: b'abc'.replace('a', 'b'))
t(lambda: b'prefix'.removeprefix(b'pre'))
t(lambda: b'suffix'.removesuffix(b'fix'))
