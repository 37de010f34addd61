def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)
def outer():
    v = 10
    def inner():
        return v + 1
    return inner
fn = outer()
ns = {}
attempt("closure run", lambda: exec(fn.__code__, ns, None, closure=fn.__closure__))
attempt("missing closure", lambda: exec(fn.__code__, ns))
attempt("closure with str", lambda: exec("x=1", ns, closure=fn.__closure__))
attempt("closure wrong len", lambda: exec(fn.__code__, ns, closure=()))
attempt("closure not tuple", lambda: exec(fn.__code__, ns, closure=[1]))
attempt("closure no free", lambda: exec(compile("x=1","s","exec"), ns, closure=fn.__closure__))
attempt("closure none", lambda: exec(compile("x=1","s","exec"), ns, closure=None))
