[last := x for x in range(5)]
{total := total + x for x in data}
[y for x in data if (y := x * 2) > 3]
{k: (v := k * 2) for k in keys}
any((found := x) > 5 for x in values)
[[j := i, j] for i in range(3)]
