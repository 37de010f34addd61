def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print('%(a)s %(b)d %(a)r' % {'a': 'x', 'b': 2})
print('%(a)5s|%(b)-4d|' % {'a': 'x', 'b': 2})
print('%s' % {'a': 1})
print('no args' % {'a': 1})
t(lambda: '%(a)s' % ('x',))
t(lambda: '%(missing)s' % {})
t(lambda: '%(a' % {'a': 1})
