def f(d):
    return d["key"] + 1

print("before")
f({"key": "x"})
