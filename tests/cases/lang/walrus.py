data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 6], y)
while (item := data.pop()) != 1:
    print("popped", item)
print(data)
def f():
    total = 0
    [total := total + v for v in range(5)]
    return total
print(f())
