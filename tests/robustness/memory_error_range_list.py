try:
    l = list(range(2**40))
except MemoryError:
    print("MemoryError")
print("ok")
