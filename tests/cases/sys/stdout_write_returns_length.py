import sys
n = sys.stdout.write("hello\n")
print(n)
print(sys.stdout.write(""))
sys.stdout.flush()
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
