naÿme = 1
