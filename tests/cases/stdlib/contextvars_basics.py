import contextvars
v = contextvars.ContextVar("v", default=0)
w = contextvars.ContextVar("w")
print(v.name, v.get(), w.get("fallback"))
try:
    w.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__)
t = v.set(5); print(v.get(), t.var is v, t.old_value is contextvars.Token.MISSING)
v.reset(t); print(v.get())
try:
    v.reset(t)
except RuntimeError as e:
    print("RuntimeError", "used once" in str(e))
ctx = contextvars.copy_context()
def g(n):
    v.set(n)
    return v.get()
print(ctx.run(g, 99), v.get(), ctx[v], v in ctx, len(ctx) >= 1, ctx.get(w, "none"))
ctx2 = ctx.copy(); ctx2.run(g, 7); print(ctx[v], ctx2[v])
with v.set(3):
    print("in with", v.get())
print("after", v.get())
print(contextvars.ContextVar[int])
