total = 1__000
