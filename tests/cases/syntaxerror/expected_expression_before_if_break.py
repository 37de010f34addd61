for x in y:
    break if x else continue
