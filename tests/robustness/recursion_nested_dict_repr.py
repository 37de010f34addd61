d = {}
for i in range(100000):
    d = {"k": d}
try:
    s = str(d)
except RecursionError:
    print("RecursionError")
print("ok")
