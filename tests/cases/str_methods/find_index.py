def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = 'hello world'
t(lambda: s.find('o'))
t(lambda: s.rfind('o'))
t(lambda: s.find('o', 5))
t(lambda: s.find('o', 5, 7))
t(lambda: s.find('z'))
t(lambda: s.find(''))
t(lambda: s.find('', 20))
t(lambda: s.rfind(''))
t(lambda: s.index('w'))
t(lambda: s.index('z'))
t(lambda: s.rindex('z'))
t(lambda: s.find('o', -4))
t(lambda: s.find('o', None, None))
t(lambda: s.find(1))
t(lambda: s.find('o', 'a'))
t(lambda: 'héllo'.find('l'))
