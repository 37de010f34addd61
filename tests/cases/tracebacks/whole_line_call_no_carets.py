def broken():
    raise RuntimeError("whole line")

def caller():
    broken()

caller()
