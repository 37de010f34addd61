import json
def t(text, **kw):
    try:
        print("OK", repr(json.loads(text, **kw)))
    except json.JSONDecodeError as e:
        print(repr(text), "->", e.msg, "|", e.pos, e.lineno, e.colno, "|", e)
    except Exception as e:
        print(repr(text), "->", type(e).__name__, e)
for text in ['', '   ', '-', '-x', '1.', '1e', '1e+', '01', '[1,]', '{"a":1,}', '{"a" 1}', '{a:1}',
             '[1 2]', '[1', '[', '[ ', '[1, ', '[   ', '{', '{   ', '{"a":', '{"a":   ', '{"a"',
             '"\\x"', '"\\u12"', '"\\u12x4"', '"\\ud800\\u12x4"', '"\\ud800\\udc00"', '"\\ud800\\u0041"',
             '"\\ud800"', '"\\udc00\\ud800"', '"a\nb"', '"ab', '"ab\\', '"a\\qb"', '"a\\u"',
             '"a\\u123', '"a\\u1234', '"\\ud800\\u', '"\\ud800\\ux"', '"\\ud800\\udc0"',
             '"\\ud800\\udc00', '"\\ud800\\uzzzz"', '"\\ud800\\"', '"ab\x01"', '"\u00e9ab\x1f"',
             '1 2', 'nul', 'tru', 'fals', 'Infinit', '-Inf', 'NaN x', '[-]', '{"a":1 "b":2}',
             '{"a":1, b}', '{"a":1,', '[1.e5]', '[1e]', '2.', '\ufeff[1]', '"\u00e9" x',
             '["\u00e9\\n", 1x]', '\n[\n1,\n2 x', '{"a": 1} \n\n x', '[1, 2\n, x]',
             '{"\u00e9\u00e9\u00e9": tru}', '\u00e9', '[\u00e9]', '["a", "b\u00e9\\q"]',
             '[' + '1,' * 5 + ']', '{"a": [1, {"b": }]}']:
    t(text)
t('1' * 5000)
t(1)
t(None)
t('[1]', cls=json.JSONDecoder, bogus=1)
import _json
s = _json.make_scanner(json.JSONDecoder())
for args in [('x', 0), ('1', -1), (b'1', 0), ('1', 5), ('1', 1), ('[1', 0), (' 1', 0)]:
    try:
        print(s(*args))
    except StopIteration as e:
        print("StopIteration", e.value)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [lambda: s('1'), lambda: s(), lambda: s('1', 'x'), lambda: _json.make_scanner(),
            lambda: _json.make_scanner(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
