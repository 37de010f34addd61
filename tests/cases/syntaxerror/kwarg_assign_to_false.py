dict(False=0)
