import sys
sys.stdout.write("partial line ")
print("then", end="")
raise RuntimeError("uncaught")
