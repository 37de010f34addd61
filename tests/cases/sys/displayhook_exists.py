import sys
print(callable(sys.displayhook), callable(sys.__displayhook__))
sys.displayhook(5)
sys.displayhook(None)
sys.displayhook("s")
import builtins
print(builtins._)
