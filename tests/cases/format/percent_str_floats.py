def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print('%f %.2f %10.3f %-10.1f|' % (1.5, 2.345, 3.14159, -1.0))
print('%e %.2E %g %G %g' % (12345.678, 0.000123, 0.0001, 1e20, 100000))
print('%+.1f % .1f %08.2f' % (1.25, 2.5, -3.14159))
print('%d' % 3.99, '%s' % 1.0, '%r' % 0.1)
print('%f %f' % (float('inf'), float('nan')))
