import sys
print("exiting")
sys.exit("fatal: stopping")
