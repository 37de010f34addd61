import sys
def hook(*args, **kwargs):
    print("breakpointhook", args, kwargs)
    return "result"
sys.breakpointhook = hook
print(breakpoint(1, a=2))
