while a:
    x += 1
    if x: continue
    if y: break
else:
    z = 1
