while (x := f()) and not done or (y and z):
    continue
else:
    pass
while not (a := a - 1) < 0:
    pass
