name = "café"
print(len(name))
value = name + "x́" + (name if False else 1) + name
