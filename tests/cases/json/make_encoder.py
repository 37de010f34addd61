import _json
def t(f):
    try:
        print("OK", repr(f()))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "__notes__", None))
mk = _json.make_encoder
t(lambda: mk(1, None, None, None, ':', ',', 0, 0, 0))
t(lambda: mk(None, None, None, None, 1, ',', 0, 0, 0))
t(lambda: mk(None, None, None, None, ':', b',', 0, 0, 0))
t(lambda: mk(None, None, None, None, ':', ',', 0, 0))
t(lambda: mk(None, None, None, None, ':', ',', 0, 0, 0, 0))
e = mk(None, lambda o: 'D', _json.encode_basestring, None, ':', ',', False, False, True)
t(lambda: e([1, 'a', None, 1.5, True, (2,), {"k": "v"}], 0))
t(lambda: e(object(), 0))
t(lambda: e({'a': 1}))
t(lambda: e(obj=1, _current_indent_level=0))
t(lambda: (e.markers, e.indent, e.sort_keys, e.skipkeys, e.key_separator, e.item_separator))
t(lambda: e.encoder is _json.encode_basestring)
t(lambda: e.default(1))
e2 = mk(None, None, lambda s: 5, None, ':', ',', False, False, True)
t(lambda: e2(['a'], 0))
e3 = mk(None, None, lambda s: '<' + s + '>', None, ':', ',', True, True, False)
t(lambda: e3({'b': 'x', 'a': [1.5], (1,): 0}, 0))
t(lambda: e3({'b': 'x', 2: None}, 0))
t(lambda: e3(float('nan'), 0))
e4 = mk({}, None, _json.encode_basestring_ascii, '\t', ':', ',', False, False, True)
t(lambda: e4([1, [2], {"\u00e9": []}], 0))
t(lambda: e4.markers)
e5 = mk(None, None, _json.encode_basestring, 3, ':', ',', False, False, True)
t(lambda: e5([1, [2]], 0))
t(lambda: e5(1, 0))
t(lambda: e5([], 0))
class Seps(str):
    pass
e6 = mk(None, None, _json.encode_basestring, None, Seps('='), Seps(';'), False, False, True)
t(lambda: e6({'a': [1, 2]}, 0))
