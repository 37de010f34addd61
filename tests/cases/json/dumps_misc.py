import json
import enum
class Color(enum.IntEnum):
    RED = 1
class Weight(float, enum.Enum):
    HEAVY = 2.5
class Name(str, enum.Enum):
    ALICE = "alice"
print(json.dumps([Color.RED, Weight.HEAVY, Name.ALICE]))
print(json.dumps({Color.RED: Weight.HEAVY, Name.ALICE: 1, Weight.HEAVY: 2}))
# a list that grows while it is encoded: the encoder reads it live
grow = [1, 2]
class Grower:
    pass
def default(o):
    if len(grow) < 6:
        grow.append(len(grow) + 1)
    return "g"
grow.append(Grower())
print(json.dumps(grow, default=default))
# nesting well inside the recursion limit
deep = []
for _ in range(300):
    deep = [deep, {"k": deep}] if len(str(deep)) < 50 else [deep]
text = json.dumps(deep)
print(len(text), json.loads(text) == deep)
nested = []
for _ in range(399):
    nested = [nested]
print(json.loads("[" * 400 + "]" * 400) == nested)
print(json.dumps({"a": 1}, indent=2, default=str, sort_keys=True, ensure_ascii=False,
                 separators=(",", ": "), skipkeys=True, allow_nan=False))
import _json
e = _json.make_encoder(None, None, _json.encode_basestring, "  ", ":", ",", False, False, True)
for args in [([1], False), ([1], "x"), ([1], 2.5)]:
    try:
        print(e(*args))
    except Exception as exc:
        print(type(exc).__name__, exc)
print(json.dumps(["\u00e9"], ensure_ascii=False, indent=1), json.dumps(("x",), indent=1))
print(json.dumps([1, (2, [3, (4,)])], indent=1))
print(json.dumps({2**64: 1, -2**64: 2, 0.1: 3, -0.0: 4, 1e16: 5}))
print(json.dumps([1e16, 1e-5, 12345.678e10, -1.5e-10, 5e-324, 1.7976931348623157e308]))
