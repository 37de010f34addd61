class A:
    y = 5
    def __getattribute__(self, name):
        if name == "secret": return "intercepted"
        return object.__getattribute__(self, name)
a = A(); a.z = 3
print(a.secret, a.y, a.z)
try:
    a.nope
except AttributeError as e: print(e)
class B:
    def __getattribute__(self, name): raise AttributeError(name)
    def __getattr__(self, name): return "fallback " + name
print(B().q)
