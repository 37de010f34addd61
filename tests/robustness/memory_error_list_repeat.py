try:
    x = [0] * (2**40)
except MemoryError:
    print("MemoryError")
try:
    x = [0, 1] * (2**62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
print("ok")
