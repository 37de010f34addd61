def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print('%s' % ((1, 2),))
print('%s %s' % (1, (2, 3)))
print('%r' % (None,))
print('%s' % [1, 2])
