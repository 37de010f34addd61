g = lambda *, **k: 0
