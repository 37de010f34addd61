import sys
names = sys.builtin_module_names
print(type(names).__name__)
print("sys" in names, "builtins" in names, "gc" in names)
print(list(names) == sorted(names))
print("os" in sys.stdlib_module_names, "gc" in sys.stdlib_module_names, type(sys.stdlib_module_names).__name__)
