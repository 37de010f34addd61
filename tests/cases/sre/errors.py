"""type errors, argument errors and mixing str with bytes"""
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
show("p0.match(b'a')", lambda: p0.match(b'a'))
show('p0.search(1)', lambda: p0.search(1))
show('p0.findall(None)', lambda: p0.findall(None))
show('p0.match()', lambda: p0.match())
show("p0.match('a', 'x')", lambda: p0.match('a', 'x'))
show("p0.match('a', 1.0)", lambda: p0.match('a', 1.0))
show("p0.match('a', pos=0, bogus=1)", lambda: p0.match('a', pos=0, bogus=1))
show("p0.match('a', 0, 1, 2)", lambda: p0.match('a', 0, 1, 2))
show("p0.sub(b'x', 'a')", lambda: p0.sub(b'x', 'a'))
show("p0.sub('x', b'a')", lambda: p0.sub('x', b'a'))
show("p0.split(b'a')", lambda: p0.split(b'a'))
show("p0.match(string='a')", lambda: p0.match(string='a'))
show("p0.match('a', endpos=0)", lambda: p0.match('a', endpos=0))
show("p0.match('a', 0, -5)", lambda: p0.match('a', 0, -5))
show("p0.match('abc', 2, 1)", lambda: p0.match('abc', 2, 1))
show("p0.search('abc', 2, 1)", lambda: p0.search('abc', 2, 1))
show("p0.findall('abc', 2, 1)", lambda: p0.findall('abc', 2, 1))
show("p0.match('a').group(1)", lambda: p0.match('a').group(1))
show("p0.match('a').start(2)", lambda: p0.match('a').start(2))
show("p0.match('a').span('x')", lambda: p0.match('a').span('x'))
show("p0.match('a').groups(1, 2)", lambda: p0.match('a').groups(1, 2))

p1 = C(b'a', 0, [14, 8, 3, 1, 1, 1, 1, 97, 0, 16, 97, 1], 0, {}, (None,))
show("p1.match('a')", lambda: p1.match('a'))
show("p1.search(bytearray(b'a'))", lambda: p1.search(bytearray(b'a')))
show("p1.sub('x', b'a')", lambda: p1.sub('x', b'a'))
show("p1.findall(memoryview(b'aa'))", lambda: p1.findall(memoryview(b'aa')))
