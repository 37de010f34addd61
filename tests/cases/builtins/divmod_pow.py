print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2))
print(pow(2, 10), pow(2, 10, 1000), pow(2, -1), pow(3, -1, 7))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(e)
