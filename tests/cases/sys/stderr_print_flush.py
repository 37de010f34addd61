import sys
print("to stdout")
print("to stderr", file=sys.stderr, flush=True)
sys.stderr.write("direct stderr\n")
print("stdout again")
