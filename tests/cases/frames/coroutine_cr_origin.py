import sys

async def coro():
    pass

def make():
    return coro()

print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(2)
c = make()
origin = c.cr_origin
print([(name, line - make.__code__.co_firstlineno if name == "make" else "?") for _, line, name in origin])
print(origin[0][0].endswith("coroutine_cr_origin.py"))
c.close()
sys.set_coroutine_origin_tracking_depth(0)
d = coro()
print(d.cr_origin)
d.close()
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError", e)
