try:
    aiter(1)
except TypeError as e:
    print(e)
try:
    anext(1)
except TypeError as e:
    print(e)
