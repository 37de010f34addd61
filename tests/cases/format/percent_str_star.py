def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print('%*d|%-*d|%.*f|%*.*f|' % (5, 1, 5, 2, 2, 3.14159, 8, 3, 2.5))
print('%*s|' % (-4, 'a'))
t(lambda: '%*d' % ('a', 1))
