import json.decoder
import _json
for f in (_json.scanstring, json.decoder.scanstring):
    print(f('"x"', 1))
    print(f('x\\ud834\\udd20"', 0))
    print(f('abc" tail', 0))
    print(f('\u00e9\u00e9"\u00fc\u00fc" x', 3))
    print(f('"a\\n\\t\\"\\\\\\/\\b\\f\\r" x', 1))
    print(ascii(f('"\\ud800\\udbff\\udc00"', 1)))
print(_json.scanstring('a\x01b"', 0, False))
print(_json.scanstring('a\x01b"', 0, 0))
def t(*args, **kw):
    try:
        print(_json.scanstring(*args, **kw))
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e.msg, e.pos)
    except Exception as e:
        print(type(e).__name__, e)
t('"abc', 1)
t('abc', 0)
t('abc"', 5)
t('abc"', -1)
t(b'abc"', 0)
t('abc"', 0, strict=True)
t('abc"', 2**70)
t('abc"', 'x')
t('abc"')
t()
t('a"', 0, True, 1)
t('a\x01b"', 0)
t('a\x01b"', 0, True)
t('\\x"', 0)
t('\\u00"', 0)
t('', 0)
t('"', 1)
