if (x := f()):
    pass
y = [z := 1, z]
