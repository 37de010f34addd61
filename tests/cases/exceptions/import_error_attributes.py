e = ImportError("message", name="mod", path="/p/mod.py")
print(e.msg, e.name, e.path, e.name_from, e.args, str(e))
e = ImportError()
print(e.msg, e.name, e.path, e.args)
e = ModuleNotFoundError("a", "b", name="x")
print(e.msg, e.name, e.args, str(e))
try:
    ImportError("m", bogus=1)
except TypeError as exc:
    print(exc)
try:
    import no_such_module_here
except ModuleNotFoundError as exc:
    print(exc.name, exc.path, exc.msg)
try:
    import os.no_such_sub
except ModuleNotFoundError as exc:
    print(exc.name, exc.msg)
try:
    from sys import no_such_name
except ImportError as exc:
    print(type(exc).__name__, exc.name, exc.msg)
class MyImportError(ImportError):
    pass
e = MyImportError("x", name="n")
print(e.name, e.msg, isinstance(e, ImportError))
