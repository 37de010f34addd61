class G:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    G().a
except RecursionError:
    print("RecursionError")
print("ok")
