def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = 'aé€😀b'
for errors in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    print(errors, s.encode('ascii', errors), s.encode('latin-1', errors))
t(lambda: '\ud800'.encode())
t(lambda: '\ud800'.encode('utf-8', 'surrogatepass'))
t(lambda: '\udcff'.encode('utf-8', 'surrogateescape'))
t(lambda: '\udcff'.encode('ascii', 'surrogateescape'))
t(lambda: 'é'.encode('ascii', 'bogus'))
t(lambda: 'a'.encode('ascii', 'bogus'))
