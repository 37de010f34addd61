def key():
    return "missing"


d = {}
print(d[key()] if False else d[
    key()
])
