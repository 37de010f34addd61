for x in y:
    with a:
        continue
