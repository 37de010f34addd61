if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    y = 2
if d: pass
elif e: pass
else: pass
if f:
    if g:
        pass
    else:
        pass
