[x for x in y if x if z]
