x = ~not y
