def outer(a, b=1, *args, c, d=2, **kw):
    cell = a
    def inner(x):
        return cell + x
    local = inner
    return inner

co = outer.__code__
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames)
print(co.co_cellvars, co.co_freevars)
ico = outer(1, c=3).__code__
print(ico.co_varnames, ico.co_cellvars, ico.co_freevars)
print(co.co_name, co.co_firstlineno, co.co_filename.rsplit("/", 1)[-1])
print(bool(co.co_flags & 0x04), bool(co.co_flags & 0x08), bool(co.co_flags & 0x01), bool(co.co_flags & 0x02))
print(type(co.co_code).__name__, len(co.co_code) % 2)
