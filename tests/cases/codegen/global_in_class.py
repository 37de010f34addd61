class C:
    global g
    g = 1
    h = g
