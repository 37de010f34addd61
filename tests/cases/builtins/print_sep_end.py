print(1, 2, 3, sep="-")
print("a", "b", sep="", end="!\n")
print(end="")
print()
print("x", sep=None, end=None)
try:
    print(sep=1)
except TypeError as e:
    print("TypeError:", e)
try:
    print(bad=1)
except TypeError as e:
    print("TypeError:", e)
