def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return click(x, y)
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return key(k)
        case Quit():
            return None
        case _:
            raise ValueError(event)
