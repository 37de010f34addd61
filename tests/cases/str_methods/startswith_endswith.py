def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = 'hello'
t(lambda: s.startswith('he'))
t(lambda: s.startswith(('x', 'h')))
t(lambda: s.startswith('l', 2))
t(lambda: s.startswith('l', 2, 2))
t(lambda: s.endswith('lo'))
t(lambda: s.endswith(('x', 'y')))
t(lambda: s.endswith('l', 0, 4))
t(lambda: s.startswith(''))
t(lambda: s.startswith('', 6))
t(lambda: s.startswith(1))
t(lambda: s.startswith(('a', 1)))
t(lambda: s.endswith([]))
