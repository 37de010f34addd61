def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for s in ['hello World', 'ABC def', 'a1b2', '', 'ǅungla', 'ﬁsh', 'ß']:
    print(repr(s.upper()), repr(s.lower()), repr(s.swapcase()), repr(s.title()), repr(s.capitalize()))
