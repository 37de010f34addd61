sys = __import__("sys")
print(sys.__name__)
gc = __import__("gc")
print(gc.__name__, gc.isenabled())
try:
    __import__("no_such_module_xyz")
except ModuleNotFoundError as e:
    print(e)
