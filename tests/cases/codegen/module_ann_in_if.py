if a:
    x: int = 1
else:
    y: str
