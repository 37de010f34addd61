# heading

    x = 1
