"""module constants and helper functions"""
import _sre
MAXREPEAT = _sre.MAXREPEAT


def C(pattern, flags, code, groups, groupindex, indexgroup):
    code = [MAXREPEAT if word == -1 else word for word in code]
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def show(label, thunk):
    try:
        result = thunk()
    except Exception as exc:
        result = f"{type(exc).__name__}: {exc}"
        print(label, "->", result)
        return
    print(label, "->", repr(result))



p0 = C('', 32, [14, 4, 0, 0, 0, 1], 0, {}, (None,))
show('_sre.MAGIC', lambda: _sre.MAGIC)
show('_sre.CODESIZE', lambda: _sre.CODESIZE)
show('_sre.getcodesize()', lambda: _sre.getcodesize())
show('_sre.MAXGROUPS > 0', lambda: _sre.MAXGROUPS > 0)
show("_sre.ascii_iscased(ord('a'))", lambda: _sre.ascii_iscased(ord('a')))
show("_sre.ascii_iscased(ord('1'))", lambda: _sre.ascii_iscased(ord('1')))
show('_sre.ascii_iscased(0xe9)', lambda: _sre.ascii_iscased(0xe9))
show('_sre.unicode_iscased(0xe9)', lambda: _sre.unicode_iscased(0xe9))
show("_sre.unicode_iscased(ord('1'))", lambda: _sre.unicode_iscased(ord('1')))
show('_sre.unicode_iscased(0x4e00)', lambda: _sre.unicode_iscased(0x4e00))
show("_sre.ascii_tolower(ord('A'))", lambda: _sre.ascii_tolower(ord('A')))
show('_sre.ascii_tolower(0xc9)', lambda: _sre.ascii_tolower(0xc9))
show('_sre.unicode_tolower(0xc9)', lambda: _sre.unicode_tolower(0xc9))
show('_sre.unicode_tolower(0x130)', lambda: _sre.unicode_tolower(0x130))
show('_sre.unicode_tolower(0x212a)', lambda: _sre.unicode_tolower(0x212a))
show('_sre.unicode_tolower(0x1e9e)', lambda: _sre.unicode_tolower(0x1e9e))
show("_sre.unicode_tolower('a')", lambda: _sre.unicode_tolower('a'))
show("_sre.compile('a', 0, [1, 2, 3], 0, {}, ())", lambda: _sre.compile('a', 0, [1, 2, 3], 0, {}, ()))
show("_sre.compile('a', 0, [], 0, {}, ())", lambda: _sre.compile('a', 0, [], 0, {}, ()))
show("_sre.compile('a', 0, (1,), 0, {}, ())", lambda: _sre.compile('a', 0, (1,), 0, {}, ()))
show('_sre.compile(1, 0, [1], 0, {}, ())', lambda: _sre.compile(1, 0, [1], 0, {}, ()))
show("_sre.compile(None, 0, [16, 97, 1], 0, {}, ()).match('a')", lambda: _sre.compile(None, 0, [16, 97, 1], 0, {}, ()).match('a'))
show("_sre.compile(None, 0, [16, 97, 1], 0, {}, ()).match(b'a')", lambda: _sre.compile(None, 0, [16, 97, 1], 0, {}, ()).match(b'a'))
show("_sre.compile('a', 0, [16, 97, 1], 0, {}, ()).pattern", lambda: _sre.compile('a', 0, [16, 97, 1], 0, {}, ()).pattern)
show("_sre.template('x', ['a', 1, 'b'])", lambda: _sre.template('x', ['a', 1, 'b']))
show("_sre.template('x', ['a', -1, 'b'])", lambda: _sre.template('x', ['a', -1, 'b']))
show("_sre.template('x', ['a', 1])", lambda: _sre.template('x', ['a', 1]))
show("_sre.template('x', ('a',))", lambda: _sre.template('x', ('a',)))
show("type(_sre.template('x', ['a'])).__name__", lambda: type(_sre.template('x', ['a'])).__name__)
