import json
def t(f):
    try:
        print("OK", f())
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "__notes__", None))
a = []
a.append(a)
t(lambda: json.dumps(a))
d = {}
d["x"] = d
t(lambda: json.dumps(d))
b = [1, {"k": []}]
b[1]["k"].append(b)
t(lambda: json.dumps(b))
shared = [1, 2]
t(lambda: json.dumps([shared, shared, {"s": shared}]))
class Deep:
    pass
t(lambda: json.dumps(Deep(), default=lambda o: [o]))
t(lambda: json.dumps([Deep()], default=lambda o: {"again": o}))
x = Deep()
t(lambda: json.dumps([x, x], default=lambda o: "D"))
