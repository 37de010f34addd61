if (x := 1):
    pass
y = (z := 2)
f(w := 3)
[v := 4, v ** 2]
{(u := 5): u}
while (line := read()) != '':
    pass
print((a := 1), (b := 2))
res = [y for x in data if (y := f(x)) is not None]
t = (s := 1, 2)
a[b := 1]
