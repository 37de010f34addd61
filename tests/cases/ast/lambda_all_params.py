a = lambda: 0
b = lambda x: x
c = lambda x, y: x + y
d = lambda x, /: x
e = lambda x=1, /: x
f = lambda x, /, y: y
g = lambda x, y=1, /, z=2: z
h = lambda *args: args
i = lambda **kw: kw
j = lambda *, k: k
k = lambda *, k=1, l: l
l = lambda a, b=2, *c, d, e=5, **f: 0
m = lambda x,: x
n = lambda *a, **k,: 0
o = lambda a=1, /, *, b: 0
p = lambda: (yield)
q = lambda: lambda: lambda x: x
