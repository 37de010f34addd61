def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

attempt("eval default namespaces", lambda: eval("1+1", None, None))
attempt("eval strips leading blanks", lambda: eval("  \t2"))
attempt("compile names", lambda: (compile("x", "f", "eval").co_name, compile("x=1\n", "f", "single").co_name, compile("x=1", "f", "exec").co_filename))
attempt("compile syntax error", lambda: compile("x=", "fn", "exec"))
try:
    compile("x=", "dir/fn.py", "exec")
except SyntaxError as e:
    print(e.args[0], e.args[1][:3], e.msg, e.filename, e.lineno, e.offset)
attempt("eval syntax error", lambda: eval("1+", {}))
attempt("exec int", lambda: exec(1))
attempt("exec globals list", lambda: exec("x=1", []))
attempt("exec locals int", lambda: exec("x=1", {}, 5))
attempt("eval globals list", lambda: eval("x", []))
attempt("compile bad mode", lambda: compile("x", "f", "bad"))
attempt("compile code object", lambda: (lambda c: compile(c, "f", "exec") is c)(compile("1", "f", "exec")))
attempt("null byte", lambda: exec("x = 1\0"))
attempt("keywords", lambda: eval("a + b", globals={"a": 1}, locals={"b": 2}))
ns = {}
exec(compile("def h(): return 7", "m", "exec"), ns)
print(ns["h"](), sorted(k for k in ns if k != "__builtins__"), type(ns["__builtins__"]).__name__)
exec("import sys; print(sys._getframe().f_back.f_code.co_name)")
def k():
    z = 3
    exec("print(z); w = 4")
    return sorted(locals())
print(k())
print(vars() is globals())
