f = lambda: super()
