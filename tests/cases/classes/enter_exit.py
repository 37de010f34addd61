class CM:
    def __enter__(self):
        print("enter"); return "val"
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
with CM() as x:
    print(x)
with CM():
    raise ValueError("boom")
print("after")
class NoSwallow:
    def __enter__(self): return self
    def __exit__(self, *a): return False
try:
    with NoSwallow():
        raise KeyError(1)
except KeyError as e: print("caught", e)
