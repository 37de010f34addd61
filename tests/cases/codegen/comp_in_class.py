class C:
    y = 1
    z = [x + y for x in range(3)]
