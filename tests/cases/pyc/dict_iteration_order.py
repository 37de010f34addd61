d = {}
for word in ["pear", "apple", "fig", "apple", "kiwi"]:
    d[word] = len(word)
print(d, list(d))
del d["apple"]
d["apple"] = 0
print(d)
print([k for k in d if d[k] > 3], {v: k for k, v in d.items()})
try:
    for k in d:
        d["new"] = 1
except RuntimeError as e:
    print(e)
