[x for x in y]
[x for x in y if x]
[x for x in y if x if not x]
[x * y for x in a for y in b]
[x for x in a if x for y in b if y]
{x for x in y}
{k: v for k, v in items}
{k: v for k in a for v in b if k != v}
(x for x in y)
[(x, y) for x, y in pairs]
[x for [x, y] in pairs]
[x for x.y in z]
[x for x in (lambda: y)()]
[x for x in (a if b else c)]
[[y for y in x] for x in xs]
{x: [y for y in x] for x in xs}
