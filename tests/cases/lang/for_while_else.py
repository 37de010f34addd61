for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
i = 0
while i < 3:
    i += 1
else:
    print("while finished", i)
while True:
    break
else:
    print("never")
for x in []:
    pass
else:
    print("empty else")
for i in range(5):
    if i % 2:
        continue
    print("even", i)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
