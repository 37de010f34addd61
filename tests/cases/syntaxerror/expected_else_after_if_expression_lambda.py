f = lambda x: x if x
