x = *a, *b
y = 1, *c
z = *d,
