print([x * x for x in range(6) if x % 2 == 0])
print({x: x ** 2 for x in range(4)})
print([(x, y) for x in range(3) for y in range(x)])
print([[c for c in w] for w in ["ab", "cd"]])
words = ["apple", "bob", "kayak", "zed"]
print([w for w in words if w == w[::-1]])
x = "outer"
print([x for x in "xyz"], x)
print(sum(1 for _ in []) if False else sum([i for i in range(10)]))
