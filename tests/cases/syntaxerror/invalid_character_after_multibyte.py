café = 1
x = café → 2
