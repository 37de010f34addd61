try:
    raise KeyError("k")
except (ValueError, KeyError) as e:
    print("caught", repr(e))
try:
    e
except NameError as n: print(n)
