def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print((255).__format__('x'), (255).__format__(''), True.__format__(''), True.__format__('d'))
t(lambda: (5).__format__(5))
t(lambda: (5).__format__())
print(format(True, '5'), format(False, '^7'), f'{True:>6}')
