def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print('{} {}'.format(1, 2), '{1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2))
print('{{}} {{{0}}}'.format(5))
print('{0!r} {0!s} {0!a}'.format('é'))
print('{:>5}|{:<5}|{:^5}'.format('a', 'b', 'c'))
