import sys
try:
    sys.exit(4)
except SystemExit as e:
    print(type(e).__name__, e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print(e.code, e.args)
try:
    sys.exit("m")
except SystemExit as e:
    print(repr(e.code))
raise SystemExit(5)
