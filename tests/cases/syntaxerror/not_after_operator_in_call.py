f(a - not b)
