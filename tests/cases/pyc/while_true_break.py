n = 27
steps = []
while True:
    steps.append(n)
    if n == 1:
        break
    n = n // 2 if n % 2 == 0 else 3 * n + 1
print(len(steps), max(steps), steps[:5])
