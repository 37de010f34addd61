results = []
for token in ["1", "x", "3", "", "5"]:
    try:
        n = int(token)
    except ValueError:
        results.append(None)
        continue
    else:
        results.append(n * 10)
    finally:
        pass
print(results)
total = 0
for i in range(10):
    try:
        if i % 3 == 0:
            raise KeyError(i)
        total += i
    except KeyError as e:
        total -= e.args[0]
print(total)
