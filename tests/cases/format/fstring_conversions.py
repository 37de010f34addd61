def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

x = 'é'
print(f'{x}', f'{x!r}', f'{x!s}', f'{x!a}', f'{42!r}', f'{b"a"!a}')
print(f'{x=}', f'{1+1=}')
