it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
count = [0]
def f():
    count[0] += 1
    return count[0]
print(list(iter(f, 4)))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
try:
    iter(5)
except TypeError as e:
    print(e)
