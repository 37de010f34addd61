import atexit
import sys

@atexit.register
def report():
    print("exit functions run after SystemExit")

sys.exit(3)
