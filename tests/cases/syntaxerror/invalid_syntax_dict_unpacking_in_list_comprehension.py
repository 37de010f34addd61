y = [**a for a in b]
