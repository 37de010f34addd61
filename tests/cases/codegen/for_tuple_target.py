for a, b in items:
    pass
for (a, *b) in c:
    pass
