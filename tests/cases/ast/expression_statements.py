1
'string'
f()
a.b.c
x if y else z
lambda: 0
await_ = 1
...
*a, b
