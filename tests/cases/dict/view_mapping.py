d = {1: 2}
print(d.keys().mapping, d.values().mapping, d.items().mapping)
print(d.keys().mapping[1], d.keys().mapping == d)
