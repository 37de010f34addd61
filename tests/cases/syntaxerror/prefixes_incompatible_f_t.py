x = ft'{a}'
