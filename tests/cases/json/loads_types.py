import json
docs = ['null', 'true', 'false', '0', '-0', '1', '-1', '123456789012345678', '12345678901234567890123',
        '-98765432109876543210', '1.5', '-0.0', '1e3', '1E-2', '1.0e+0', '9e999', '-9e999', '0.1',
        '""', '"abc"', '[]', '{}', '[1, [2, [3]]]', '{"a": {"b": {"c": []}}}',
        ' \t\n\r[ 1 , { "a" : [ ] } ] \n', 'NaN', 'Infinity', '-Infinity', '[NaN, -Infinity]',
        '{"a": 1, "a": 2}', '[true,false,null]', '1e5', '-0e0', '2.5e-300']
for d in docs:
    v = json.loads(d)
    print(repr(d), type(v).__name__, repr(v))
print(json.loads(b'[1, "\xc3\xa9"]'))
print(json.loads(bytearray(b'{"k": 2}')))
print(json.loads(b'\xef\xbb\xbf[1]'))
print(json.loads('"\\u00e9\\u20ac\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\"\\\\"'))
r = json.loads('[{"key": 1}, {"key": 2}, {"key": 3}]')
print(list(r[0])[0] is list(r[1])[0] is list(r[2])[0])
r = json.loads('[{"k\\u00e9y": 1}, {"k\\u00e9y": 2}]')
print(list(r[0])[0] is list(r[1])[0])
dec = json.JSONDecoder()
print(dec.raw_decode('  [1]', 2))
print(dec.raw_decode('[1] xyz'))
print(dec.raw_decode('{"\u00e9": "\u00fc"} tail'))
print(dec.scan_once('\u00e9\u00e9"a"', 2))
print(dec.scan_once('\u00e9\u00e9"a\\n\u00e9" 5', 2))
print(dec.scan_once('[1, 2]   ', 0))
print(dec.scan_once(string='12', idx=1))
print(json.loads('[' * 50 + ']' * 50) == eval('[' * 50 + ']' * 50))
print(json.loads('"' + 'x' * 10000 + '"') == 'x' * 10000)
