a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 9
print(i, lst)
d = {}
d["a"] = d["b"] = len(d)
print(d)
first = second = third = 0
first += 1
print(first, second, third)
