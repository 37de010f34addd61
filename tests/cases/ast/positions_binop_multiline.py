total = (a
         + b
         * c
         - d)
cond = (x and
        y or
        not z)
