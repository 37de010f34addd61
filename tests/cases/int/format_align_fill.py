def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for spec in ['<05', 'x<05', '^05', '=5', '0=8', '*>8', '^9', '<', '>3', '\x00<3']:
    print(repr(spec), repr(format(5, spec)), repr(format(-42, spec)))
print(f'{3:=^9}', f'{12:>+6}', f'{12: }', f'{-12: }')
