def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: 'a,b,,c'.rsplit(','))
t(lambda: 'a,b,,c'.rsplit(',', 1))
t(lambda: '  a  b  c  '.rsplit(None, 1))
t(lambda: 'aXXbXXc'.rsplit('XX', maxsplit=1))
t(lambda: 'abc'.rsplit(''))
