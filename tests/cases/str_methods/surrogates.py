def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = 'a\ud800b'
print(ascii(s), len(s), ascii(s.upper()), s.find('b'), ascii(s.split('\ud800')))
print(ascii(s.encode('utf-8', 'surrogatepass')), ascii(s.encode('utf-16-le', 'surrogatepass')))
t(lambda: s.encode('utf-16'))
t(lambda: 'a\ud800\udc00'.encode('utf-8'))
print(ascii(s + 'x'), s == 'a\ud800b', s.isprintable())
print(ascii(s[1:]), ascii(s[::-1]), ascii(s[1]), ascii(list(s)))
