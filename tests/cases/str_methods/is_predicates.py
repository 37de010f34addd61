def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

tests = ['', 'abc', 'ABC', 'Abc', 'a1', '123', '¹²', '½', '一', ' \t', '\x1c', 'Ab Cd', 'ab Cd', 'é', 'ǅ', '_x', '1x', 'x1', 'a\u0301', '٣', '\u00a0', 'Ⅳ']
for s in tests:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isspace(), s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isascii(), s.isprintable())
