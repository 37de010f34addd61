d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], d.get("four"), d.get("four", 4))
print(list(d.keys()), list(d.values()), list(d.items()))
print("one" in d, "five" in d)
del d["one"]
print(d, d.pop("two"), d)
d.update({"x": 10}, y=20)
print(d, d.setdefault("z", 0), d)
print({k: v * 2 for k, v in d.items()}, dict(a=1, b=2), dict([("p", 1)]))
print(d.keys(), d.values(), d.items())
e = {1: "a", 2.0: "b", (3, 4): "c", None: "d"}
print(e, e[2], e[(3, 4)])
for key in sorted(d):
    print(key, d[key])
