z = 2.5jk
