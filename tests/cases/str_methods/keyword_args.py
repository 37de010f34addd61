def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: 'a b'.split(sep=None))
t(lambda: 'a\nb'.splitlines(keepends=True))
t(lambda: 'x'.encode(errors='strict', encoding='ascii'))
t(lambda: 'ab'.center(width=5))
t(lambda: 'ab'.find(sub='a'))
t(lambda: 'ab'.replace('a', 'b', count=0))
t(lambda: 'ab'.expandtabs(tabsize=2))
t(lambda: 'ab'.startswith(prefix='a'))
t(lambda: 'ab'.join(iterable=['x']))
t(lambda: 'ab'.strip(chars='a'))
