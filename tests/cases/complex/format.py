def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(format(1+2j), format(1+2j, ''), format(1+2j, '.2f'), format(1.5+2.25j, 'e'), format(3j, 'g'))
print(repr(format(1+2j, '>20')), repr(format(1+2j, '^20.1f')), format(1+2j, '+'), format(-1-2j, ''), format(1j, '.3'))
print(f'{1e20+1j:,.1f}', format(1+2j, 'n'), format(-0.0-0j, 'z'), format(1+2j, '*<12'))
for spec in ['010', '=10', 'd', '%', 'c', 'abc']:
    t(lambda: format(1+2j, spec))
print((1+2j).__format__('.1f'))
