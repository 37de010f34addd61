x = ut'{a}'
