try:
    t = (1, 2) * (2**40)
except MemoryError:
    print("MemoryError")
print("ok")
