import json
from collections import OrderedDict
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda p: p))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_pairs_hook=OrderedDict))
print(json.loads('{"a": 1, "b": {}}', object_hook=lambda d: sorted(d)))
print(json.loads('{"a": 1, "b": {}}', object_hook=lambda d: 1, object_pairs_hook=tuple))
print(json.loads('[1.5, 2, 1e3, -0, -0.0, 12345678901234567890123]',
                 parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s))
print(json.loads('[1.5, 2]', parse_float=float, parse_int=int))
print(json.loads('[1.5, 2]', parse_float=str.upper))
class Exact:
    def __init__(self, text):
        self.text = text
    def __repr__(self):
        return f"Exact({self.text!r})"
print(json.loads('[1.10, 2.50e3]', parse_float=Exact))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: "C" + s))
print(json.loads('{"x": NaN}', parse_constant=str))
def boom(s):
    raise ValueError("no " + str(s))
for text, kw in [('[NaN]', {"parse_constant": boom}), ('[1.5]', {"parse_float": boom}),
                 ('[7]', {"parse_int": boom}), ('{"a": 1}', {"object_hook": boom}),
                 ('{"a": 1}', {"object_pairs_hook": boom})]:
    try:
        json.loads(text, **kw)
    except ValueError as e:
        print(type(e).__name__, e)
calls = []
def hook(d):
    calls.append(sorted(d))
    return d
json.loads('{"a": {"b": {"c": 1}}, "d": {"e": 2}}', object_hook=hook)
print(calls)
print(json.loads('"a\nb"', strict=False))
print(json.loads('["a\tb\x00"]', strict=False) == ['a\tb\x00'])
import _json
s = _json.make_scanner(json.JSONDecoder(strict=False, parse_int=str))
print(s.strict, s.parse_int, s.parse_float, s.object_hook, s.object_pairs_hook)
print(s('[1, "x\ty"]', 0))
class Ctx:
    strict = 0
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = str
print(_json.make_scanner(Ctx())('{"a": [1.5, NaN]}', 0), _json.make_scanner(Ctx()).strict)
