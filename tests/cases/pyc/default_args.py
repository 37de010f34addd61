def append_to(x, target=None):
    if target is None:
        target = []
    target.append(x)
    return target
print(append_to(1), append_to(2))
def shared(x, acc=[]):
    acc.append(x)
    return acc
print(shared(1), shared(2))
def kwonly(*, a=1, b):
    return a, b
print(kwonly(b=2), kwonly(a=5, b=6))
