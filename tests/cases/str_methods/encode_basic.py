def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: 'héllo'.encode())
t(lambda: 'héllo'.encode('utf-8'))
t(lambda: 'héllo'.encode('latin-1'))
t(lambda: 'héllo'.encode('ascii'))
t(lambda: 'héé'.encode('ascii'))
t(lambda: 'abc'.encode('utf-16'))
t(lambda: 'abc'.encode('utf-16-le'))
t(lambda: 'a😀'.encode('utf-16-be'))
t(lambda: 'a'.encode('utf-32'))
t(lambda: 'a'.encode('UTF8'))
t(lambda: 'a'.encode('nope'))
t(lambda: 'a'.encode(encoding=1))
t(lambda: '€'.encode('latin1'))
