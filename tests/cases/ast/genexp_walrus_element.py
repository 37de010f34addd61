g = (y := f(x) for x in z)
h = list((a := i) for i in range(3))
k = sum((n := n + 1) for _ in r)
