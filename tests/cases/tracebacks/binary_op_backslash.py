a = 1
b = "s"
c = a \
    + b
