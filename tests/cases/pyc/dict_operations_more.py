inventory = {"apple": 3, "pear": 0}
inventory["apple"] += 2
inventory.setdefault("plum", 7)
print(inventory, inventory.popitem(), inventory)
merged = {"a": 1} | {"b": 2}
print(merged, {**merged, "a": 9}, dict.fromkeys if False else "skip")
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: kv[1]))
try:
    counts["z"]
except KeyError as e:
    print("missing", e)
print(list(zip(counts.keys(), counts.values())) == list(counts.items()))
