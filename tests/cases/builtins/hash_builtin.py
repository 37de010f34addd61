print(hash(1) == hash(1.0), hash(-1), hash(0), hash(True))
try:
    hash([])
except TypeError as e:
    print(e)
print(hash((1, 2)) == hash((1, 2)))
