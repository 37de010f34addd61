"""scanner and finditer"""
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



p0 = C('\\d+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,))
show("[m.group() for m in p0.finditer('a1b22c333')]", lambda: [m.group() for m in p0.finditer('a1b22c333')])
show("[m.span() for m in p0.finditer('a1b22c333', 2, 7)]", lambda: [m.span() for m in p0.finditer('a1b22c333', 2, 7)])
show("type(p0.finditer('1')).__name__", lambda: type(p0.finditer('1')).__name__)
show("p0.scanner('12 34').search().group()", lambda: p0.scanner('12 34').search().group())
show("p0.scanner('12 34').match().group()", lambda: p0.scanner('12 34').match().group())
show("p0.scanner('x12').match()", lambda: p0.scanner('x12').match())
show("type(p0.scanner('')).__name__", lambda: type(p0.scanner('')).__name__)
show("p0.scanner('').pattern is p", lambda: p0.scanner('').pattern is p)

p1 = C('', 32, [14, 4, 0, 0, 0, 1], 0, {}, (None,))
show("[m.span() for m in p1.finditer('abc')]", lambda: [m.span() for m in p1.finditer('abc')])

p2 = C('a*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, -1, 16, 97, 1, 1], 0, {}, (None,))
show("[m.span() for m in p2.finditer('baaac')]", lambda: [m.span() for m in p2.finditer('baaac')])
