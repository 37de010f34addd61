def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print('%s %r %a' % ('é', 'é', 'é'))
print('%d %i %u' % (1, -2, 3))
print('%5d|%-5d|%05d|%+d|% d' % (1, 2, -3, 4, 5))
print('%x %X %o %#x %#X %#o' % (255, 255, 8, 255, 255, 8))
print('%.3d|%5.3d' % (5, 7))
print('%c%c' % (65, 'é'))
print('100%% %s' % 'done')
