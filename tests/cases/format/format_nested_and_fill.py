def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for spec in ['<5', '>5', '^5', 'x^6', '.1', '05', '010', '*<3.2', '']:
    print(repr(format('ab', spec)), repr('{:{}}'.format('ab', spec)))
