# A constant set literal becomes a frozenset constant that CPython's compiler rebuilds
# from its own iteration order before BUILD_SET/SET_UPDATE copies it.
print({8, 32, 15, 63})
print({29, 22, 14, 43, 61, 48, 63})
print({51, 53, 22, 46}, {5, 19, 45, 54, 39, 37})
x = 15
print({8, 32, x, 63})
print(set([8, 32, 15, 63]), frozenset([51, 53, 22, 46]))
for v in {51, 53, 22, 46}:
    print(v, end=' ')
print(22 in {51, 53, 22, 46})
