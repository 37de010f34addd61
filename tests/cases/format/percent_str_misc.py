def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print('%s|%10s|%-10s|%.2s' % ('abc', 'abc', 'abc', 'abc'))
print('%r|%a|%5r' % ('é', 'é', 1))
print('%%|%c|%5c|%-3c|' % ('x', 'y', 66))
print('%ld %hd %Lf' % (1, 2, 3.0))
print('%#.0f|%.0f|%#x|%#o' % (2.0, 2.5, 0, 0))
print('%s %s' % (True, None))
