import json
samples = ["plain", "quote\"back\\slash/", "\b\f\n\r\t", "\x00\x01\x1f\x7f\x80",
           "caf\u00e9", "\u2028\u2029", "\u65e5\u672c\u8a9e", "emoji \U0001f600",
           "\ud800", "\udfff", "\ud83d\ude00", "lone \udc00 low", "\uffff\U0010ffff"]
for s in samples:
    print(json.dumps(s))
    print(ascii(json.dumps(s, ensure_ascii=False)))
print(json.dumps(samples))
print(ascii(json.dumps(samples, ensure_ascii=False)))
print(json.dumps({s: s for s in samples[:6]}))
print(ascii(json.dumps({s: 1 for s in samples}, ensure_ascii=False)))
import _json
print(_json.encode_basestring_ascii("\u1234\U0001f600\"x"))
print(ascii(_json.encode_basestring("\u1234\U0001f600\"x\n")))
for bad in (b"x", 1, None):
    for f in (_json.encode_basestring, _json.encode_basestring_ascii):
        try:
            f(bad)
        except TypeError as e:
            print(e)
try:
    _json.encode_basestring()
except TypeError as e:
    print(e)
try:
    _json.encode_basestring_ascii("a", "b")
except TypeError as e:
    print(e)
