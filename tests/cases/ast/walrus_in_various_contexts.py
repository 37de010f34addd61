print(y := 1)
x = [z := 5, z]
while (n := n - 1):
    pass
if any((hit := v) > 3 for v in vals):
    pass
def f(a=(b := 2)): pass
lambda: (c := 1)
assert (d := 1)
with (e := ctx()) as f:
    pass
