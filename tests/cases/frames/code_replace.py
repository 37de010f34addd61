def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

def f():
    return "original"

co = f.__code__
new = co.replace(co_name="renamed", co_qualname="Q.renamed")
print(new.co_name, new.co_qualname, new is co, new == co)
print(co.replace() == co)
consts = tuple("replaced" if c == "original" else c for c in co.co_consts)
g = type(f)(co.replace(co_consts=consts), globals())
print(g())
attempt("bad type", lambda: co.replace(co_name=1))
attempt("unknown field", lambda: co.replace(co_spam=1))
attempt("positional", lambda: co.replace("x"))
attempt("bad flags", lambda: co.replace(co_flags="x"))
print(repr(new).startswith("<code object renamed at 0x"))
print(repr(co))
