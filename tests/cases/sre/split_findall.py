"""split and findall with and without groups"""
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



p0 = C(',', 32, [14, 8, 3, 1, 1, 1, 1, 44, 0, 16, 44, 1], 0, {}, (None,))
show("p0.split('a,b,,c')", lambda: p0.split('a,b,,c'))
show("p0.split('a,b,c', 1)", lambda: p0.split('a,b,c', 1))
show("p0.split('a,b,c', maxsplit=-1)", lambda: p0.split('a,b,c', maxsplit=-1))
show("p0.split('')", lambda: p0.split(''))

p1 = C('(,)', 32, [14, 8, 1, 1, 1, 1, 0, 44, 0, 17, 0, 16, 44, 17, 1, 1], 1, {}, (None, None))
show("p1.split('a,b')", lambda: p1.split('a,b'))

p2 = C('(,)|(;)', 32, [14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 44, 17, 1, 15, 11, 9, 17, 2, 16, 59, 17, 3, 15, 2, 0, 1], 2, {}, (None, None, None))
show("p2.split('a,b;c')", lambda: p2.split('a,b;c'))

p3 = C('\\b', 32, [14, 4, 0, 0, 0, 6, 10, 1], 0, {}, (None,))
show("p3.split('ab cd')", lambda: p3.split('ab cd'))

p4 = C('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, -1, 16, 120, 1, 1], 0, {}, (None,))
show("p4.split('axbc')", lambda: p4.split('axbc'))
show("p4.findall('axbc')", lambda: p4.findall('axbc'))

p5 = C('(a)(b)?', 32, [14, 8, 1, 1, 2, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 9, 0, 1, 17, 2, 16, 98, 17, 3, 18, 1], 2, {}, (None, None, None))
show("p5.findall('abaab')", lambda: p5.findall('abaab'))

p6 = C('(a)', 32, [14, 8, 1, 1, 1, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 1], 1, {}, (None, None))
show("p6.findall('banana')", lambda: p6.findall('banana'))

p7 = C('(a)|b', 32, [14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 7, 5, 16, 98, 15, 2, 0, 1], 1, {}, (None, None))
show("p7.findall('ab')", lambda: p7.findall('ab'))

p8 = C('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,))
show("p8.findall('one two three', 4)", lambda: p8.findall('one two three', 4))
show("p8.findall('one two three', 0, 7)", lambda: p8.findall('one two three', 0, 7))
show("p8.findall('one two three', pos=4, endpos=9)", lambda: p8.findall('one two three', pos=4, endpos=9))
show("p8.findall('abc', 5)", lambda: p8.findall('abc', 5))
show("p8.findall('abc', -5, -1)", lambda: p8.findall('abc', -5, -1))

p9 = C(b'[,;]', 0, [14, 9, 4, 1, 1, 16, 44, 16, 59, 0, 13, 6, 16, 44, 16, 59, 0, 1], 0, {}, (None,))
show("p9.split(b'a,b;c')", lambda: p9.split(b'a,b;c'))
show("p9.split(bytearray(b'a,b'))", lambda: p9.split(bytearray(b'a,b')))
