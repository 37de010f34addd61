parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts, "|".join(parts))
s = ""
for ch in "hello":
    s = ch + s
print(s)
lines = ["%-5s|%5s" % (w, w[::-1]) for w in ["ab", "xyz"]]
print("\n".join(lines))
print("abc" < "abd", "Z" < "a", sorted(["b", "A", "a", "B"]))
