try:
    s = "x" * (2**40)
except MemoryError:
    print("MemoryError")
try:
    s = "ab" * (2**62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
print("ok")
