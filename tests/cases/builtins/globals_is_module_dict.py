import sys
print(globals() is sys.modules["__main__"].__dict__)
print("__name__" in globals(), globals()["__name__"])
