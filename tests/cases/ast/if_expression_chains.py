x = a if b else c if d else e if f else g
y = (a if b else c) + (d if e else f)
z = [a if b else c for a in d if e]
w = a if (b if c else d) else e
