def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s in ['', ' ', '+', '- 1', '+ 1', '1.5', 'abc', '١٢٣', '١٢٣٤ ', '\u0663\u0664', '12\x00', '\t7\n', '\u20071\u2007']:
    t(lambda: int(s))
t(lambda: int('x' * 300))
