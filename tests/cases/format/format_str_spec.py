def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print('{:10}|{:<10}|{:>10}|{:^10}|'.format('left', 'l', 'r', 'c'))
print('{:.3}|{:10.2}|{:*^9.4}|'.format('abcdef', 'xyz', 'truncate'))
t(lambda: '{:=5}'.format('a'))
t(lambda: '{:+}'.format('a'))
t(lambda: '{:,}'.format('a'))
