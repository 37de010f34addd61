x: tuple[int, ...] = ()
y = a[..., 1:2]
z = Callable[..., int]
def f(*args: ...) -> ...: ...
