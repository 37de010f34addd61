def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for spec in [',b', ',c', ',o', ',x', '_c', ',n', '.2d', 'z', 'zd', 'abc', '5.5.5', 's', '+c', '#c', '.', '1000000000000000000000', ',_']:
    t(lambda: format(5, spec))
t(lambda: format(-1, 'c'))
t(lambda: format(0x110000, 'c'))
print(format(65, 'c'), format(0x1F600, 'c') == chr(0x1F600), format(97, '>3c'))
