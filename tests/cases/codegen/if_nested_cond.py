if a and b:
    pass
if a or b:
    pass
if not a:
    pass
if a < b < c:
    pass
if (x if y else z):
    pass
