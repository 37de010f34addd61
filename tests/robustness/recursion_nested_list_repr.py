l = []
for i in range(100000):
    l = [l]
try:
    repr(l)
except RecursionError:
    print("RecursionError")
print("ok")
