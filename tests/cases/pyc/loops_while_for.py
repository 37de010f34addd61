total = 0
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    total += i
print(total, i)
for x in range(3):
    for y in range(3):
        if y > x:
            break
        print(x, y, end="; ")
print()
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
while False:
    pass
else:
    print("while-else")
