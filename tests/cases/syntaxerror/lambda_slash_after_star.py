g = lambda *a, /: 0
