import json
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def to_json(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, set):
        return sorted(o)
    if isinstance(o, complex):
        return [o.real, o.imag]
    raise TypeError(f"cannot {type(o).__name__}")
print(json.dumps([Point(1, 2), {3, 1, 2}, 1j, {"p": Point(0, Point(5, 6))}], default=to_json))
print(json.dumps({"p": Point(1, 2)}, default=to_json, indent=1))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, frozenset):
            return list(sorted(o))
        return super().default(o)
print(Enc().encode({"f": frozenset("abc")}))
try:
    Enc().encode({"f": object()})
except TypeError as e:
    print(e, e.__notes__)
def fail(o):
    return 1 / 0
try:
    json.dumps([Point(1, 2)], default=fail)
except ZeroDivisionError as e:
    print(e, e.__notes__)
try:
    json.dumps([Point(1, 2)], default=lambda o: [1, o.x])
except TypeError as e:
    print(e, e.__notes__)
print(json.dumps([Point(1, 2)], default=lambda o: [1, o.x]))
print(json.dumps(Point(1, 2), default=lambda o: "P"))
print(json.dumps([None, Point(1, 2)], default=lambda o: None))
