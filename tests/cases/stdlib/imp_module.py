# _imp as importlib uses it (frozen modules and extension suffixes are build choices:
# the oracle freezes os and loads .so files, Pyrite does neither)
import _imp, sys
print(_imp.is_builtin('sys'), _imp.is_builtin('builtins'), _imp.is_builtin('_thread'), _imp.is_builtin('os'), _imp.is_builtin('math'))
print(_imp.lock_held(), _imp.check_hash_based_pycs, _imp.pyc_magic_number_token)
_imp.acquire_lock(); _imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock(); _imp.release_lock()
print(_imp.lock_held())
try: _imp.release_lock()
except RuntimeError as e: print(e)
print(_imp.source_hash(1, b'abc'), _imp.source_hash(key=2**20, source=b''))
import importlib.machinery, importlib.util
print(importlib.util.MAGIC_NUMBER, importlib.util.source_hash(b'x = 1'))
spec = importlib.machinery.BuiltinImporter.find_spec('math')
print(spec.name, spec.origin, spec.loader.__name__)
m = importlib.util.module_from_spec(spec)
print(m.__name__, m.sqrt(4.0))
print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES)
