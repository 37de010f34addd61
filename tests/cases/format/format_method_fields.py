def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class P:
    x = 1
    y = [10, 20]
print('{0.x} {0.y[1]} {1[k]} {1[k2][0]}'.format(P(), {'k': 'v', 'k2': 'w'}))
print('{a[0]}{a[1]}'.format(a='xy'))
print('{:{}{}}'.format(3.14159, '.', '2f'))
