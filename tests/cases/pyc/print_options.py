print("a", "b", "c", sep="-")
print("no newline", end="")
print(" continued")
print()
print(1, 2, sep="", end="!\n")
import sys
print("to stderr", file=sys.stderr)
sys.stdout.write("direct write\n")
print(*[1, 2, 3])
