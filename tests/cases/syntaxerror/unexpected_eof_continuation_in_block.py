if True:
    y = 2 \
