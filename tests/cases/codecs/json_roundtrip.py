# json on top of codecs: dumps/loads round trips.
import json
data = {'name': 'Ünïcødé \u20ac', 'n': [1, 2.5, -3, 10**20], 'ok': True, 'none': None, 'nested': {'a': [], 'b': {}}}
text = json.dumps(data, sort_keys=True)
print(text)
print(json.loads(text) == data)
print(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2))
print(json.loads('[1, "\\ud83d\\ude00", {"x": null}]'))
print(json.dumps('\x00\n"\\'), json.loads(b'{"b": 1}'), json.loads('"\\u00e9"'))
try:
    json.loads('{"a": }')
except json.JSONDecodeError as e:
    print(e)
print(json.dumps([float('inf')]), json.dumps({1: 2, 'x': (1, 2)}))
