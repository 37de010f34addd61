# sys values and small functions beyond the essentials.
import atexit
import sys

print(sys.maxunicode, sys.float_repr_style, repr(sys.abiflags), sys.api_version)
print(sys.copyright)
print(sys.pycache_prefix, sys._xoptions, repr(sys._framework), sys.platlibdir)
print(type(sys.dont_write_bytecode), type(sys._git), len(sys._git))
for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix", "_base_executable", "_stdlib_dir"]:
    print(name, type(getattr(sys, name)).__name__)
print(sys.prefix == sys.base_prefix == sys.exec_prefix)
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
for bad in [0, -1.0, "x"]:
    try:
        sys.setswitchinterval(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(sys.call_tracing(max, (1, 5, 2)))
try:
    sys.call_tracing(max, [1, 2])
except TypeError as e:
    print(e)
print(sys._is_gil_enabled(), sys.is_finalizing(), sys._is_immortal(None), sys._is_immortal(object()))
print(sys._clear_type_cache(), sys._clear_internal_caches())


class Late:
    def __del__(self):
        print("__del__ finalizing:", sys.is_finalizing())


late = Late()
atexit.register(lambda: print("atexit finalizing:", sys.is_finalizing()))
