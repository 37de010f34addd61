if cond:
    x: int = 1
y: str
