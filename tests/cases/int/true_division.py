def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print((10**40) / 3, 10**400 / 10**399, (2**1000) / (2**999), 1 / 3, -7 / 2)
print((2**53 + 1) / 1, (2**54 + 3) / 2, 10**30 / 7, -(10**25) / 3)
print(1 / 10**400, (10**400 + 1) / 10**400)
t(lambda: 10**400 / 1)
t(lambda: 1 / 0)
t(lambda: float(10**400))
