def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for s in ['abc', 'a\n', '\x7f', ' ', '\u00a0', '\u200b', '\U0001F600', '\ud800', '']:
    print(repr(s), s.isprintable())
