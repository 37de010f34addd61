def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for spec in ['b', '#b', 'o', '#o', 'x', '#x', 'X', '#X', '08b', '#010x', '_b', '_x', '#_X', 'c', 'n', 'd', '+d', ' d', '-d']:
    print(spec, format(77, spec), format(-77, spec) if spec != 'c' else '')
print(format(0, '#x'), format(0, '#b'), format(-0, 'b'))
