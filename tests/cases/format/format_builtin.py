def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(format('ab', '>4'), format('ab', '^5'), format('abc', '.2'), format('ab', 'x<4'), format('ab'))
print(format(5, ''), format(None, ''), format(True, 'd'))
t(lambda: format('a', 'd'))
t(lambda: format(object(), 'x'))
print('abc'.__format__('>5'), repr(''.__format__('')))
