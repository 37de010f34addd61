while a:
    if b:
        continue
    c()
else:
    d()
