"""sub and subn with literal replacements and callables"""
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



p0 = C('a', 32, [14, 8, 3, 1, 1, 1, 1, 97, 0, 16, 97, 1], 0, {}, (None,))
show("p0.sub('b', 'banana')", lambda: p0.sub('b', 'banana'))
show("p0.subn('b', 'banana')", lambda: p0.subn('b', 'banana'))
show("p0.sub('b', 'banana', 2)", lambda: p0.sub('b', 'banana', 2))
show("p0.sub('b', 'banana', count=1)", lambda: p0.sub('b', 'banana', count=1))
show("p0.sub('', 'banana')", lambda: p0.sub('', 'banana'))
show("p0.sub('x', '')", lambda: p0.sub('x', ''))

p1 = C('(a)(n)?', 32, [14, 8, 1, 1, 2, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 9, 0, 1, 17, 2, 16, 110, 17, 3, 18, 1], 2, {}, (None, None, None))
show("p1.sub(lambda m: m.group(1).upper(), 'banana')", lambda: p1.sub(lambda m: m.group(1).upper(), 'banana'))
show("p1.sub(lambda m: str(m.groups()), 'banana')", lambda: p1.sub(lambda m: str(m.groups()), 'banana'))
show("p1.sub(lambda m: None, 'banana')", lambda: p1.sub(lambda m: None, 'banana'))
show("p1.subn(lambda m: '<' + m.group() + '>', 'banana')", lambda: p1.subn(lambda m: '<' + m.group() + '>', 'banana'))

p2 = C('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, -1, 16, 120, 1, 1], 0, {}, (None,))
show("p2.sub('-', 'abc')", lambda: p2.sub('-', 'abc'))
show("p2.subn('-', 'abxxc')", lambda: p2.subn('-', 'abxxc'))

p3 = C('', 32, [14, 4, 0, 0, 0, 1], 0, {}, (None,))
show("p3.sub('-', 'abc')", lambda: p3.sub('-', 'abc'))

p4 = C(b'o', 0, [14, 8, 3, 1, 1, 1, 1, 111, 0, 16, 111, 1], 0, {}, (None,))
show("p4.sub(b'0', b'foo boo')", lambda: p4.sub(b'0', b'foo boo'))
show("p4.sub(lambda m: b'[' + m.group() + b']', b'foo')", lambda: p4.sub(lambda m: b'[' + m.group() + b']', b'foo'))
show("p4.sub(b'0', bytearray(b'foo'))", lambda: p4.sub(b'0', bytearray(b'foo')))
show("p4.sub(b'0', memoryview(b'foo'))", lambda: p4.sub(b'0', memoryview(b'foo')))

p5 = C('o', 32, [14, 8, 3, 1, 1, 1, 1, 111, 0, 16, 111, 1], 0, {}, (None,))
show("p5.sub(lambda m: 1, 'foo')", lambda: p5.sub(lambda m: 1, 'foo'))

p6 = C('\\d', 32, [14, 7, 4, 1, 1, 8, 10, 0, 13, 4, 8, 10, 0, 1], 0, {}, (None,))
show("p6.sub('#', 'a1b22')", lambda: p6.sub('#', 'a1b22'))
show("p6.subn('#', 'a1b22', 0)", lambda: p6.subn('#', 'a1b22', 0))
