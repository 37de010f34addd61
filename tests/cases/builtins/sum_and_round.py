print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum(range(5), start=1))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
print(round(2.5), round(3.5), round(1.2345, 2), round(-0.5), round(15, -1))
