class Custom(Exception):
    pass

try:
    raise Custom()
except Custom as e:
    print(repr(e), repr(str(e)))
raise ValueError("first", 2, [3])
