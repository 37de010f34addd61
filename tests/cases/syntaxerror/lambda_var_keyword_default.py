g = lambda **k=1: k
