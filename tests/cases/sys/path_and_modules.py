import sys
print(type(sys.path).__name__, type(sys.modules).__name__)
print("sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
print(sys.modules["sys"] is sys)
import gc
print(sys.modules["gc"] is gc)
