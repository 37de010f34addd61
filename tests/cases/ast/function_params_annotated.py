def f(a: int, b: str = "", /, c: float = 0.0, *args: int, d: bool, e: list = [], **kw: dict) -> tuple:
    pass
def g(*args: *Ts) -> None: pass
def h(x: "int", y: lambda: 1 = None): pass
def i(a: int | None = None) -> int | None: pass
