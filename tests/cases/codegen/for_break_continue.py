for i in x:
    if i: break
    if j: continue
    g()
