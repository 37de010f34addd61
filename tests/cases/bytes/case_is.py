def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for b in [b'Hello World', b'abc', b'ABC', b'123', b'  ', b'', b'a1', b'\xe9', b'Ab Cd']:
    print(repr(b), b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize(), b.isalpha(), b.isalnum(), b.isdigit(), b.isspace(), b.islower(), b.isupper(), b.istitle(), b.isascii())
