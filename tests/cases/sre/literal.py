"""literals, NOT_LITERAL, ANY, ANY_ALL"""
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



p0 = C('abc', 32, [14, 12, 3, 3, 3, 3, 3, 97, 98, 99, 0, 0, 0, 16, 97, 16, 98, 16, 99, 1], 0, {}, (None,))
show("p0.match('abc')", lambda: p0.match('abc'))
show("p0.search('abc')", lambda: p0.search('abc'))
show("p0.fullmatch('abc')", lambda: p0.fullmatch('abc'))
show("p0.match('xabcx')", lambda: p0.match('xabcx'))
show("p0.search('xabcx')", lambda: p0.search('xabcx'))
show("p0.fullmatch('xabcx')", lambda: p0.fullmatch('xabcx'))
show("p0.match('ab')", lambda: p0.match('ab'))
show("p0.search('ab')", lambda: p0.search('ab'))
show("p0.fullmatch('ab')", lambda: p0.fullmatch('ab'))
show("p0.match('abcd')", lambda: p0.match('abcd'))
show("p0.search('abcd')", lambda: p0.search('abcd'))
show("p0.fullmatch('abcd')", lambda: p0.fullmatch('abcd'))

p1 = C('a.c', 32, [14, 8, 1, 3, 3, 1, 1, 97, 0, 16, 97, 2, 16, 99, 1], 0, {}, (None,))
show("p1.match('abc')", lambda: p1.match('abc'))
show("p1.search('abc')", lambda: p1.search('abc'))
show("p1.fullmatch('abc')", lambda: p1.fullmatch('abc'))
show("p1.match('a\\nc')", lambda: p1.match('a\nc'))
show("p1.search('a\\nc')", lambda: p1.search('a\nc'))
show("p1.fullmatch('a\\nc')", lambda: p1.fullmatch('a\nc'))
show("p1.match('ac')", lambda: p1.match('ac'))
show("p1.search('ac')", lambda: p1.search('ac'))
show("p1.fullmatch('ac')", lambda: p1.fullmatch('ac'))

p2 = C('a.c', 48, [14, 8, 1, 3, 3, 1, 1, 97, 0, 16, 97, 3, 16, 99, 1], 0, {}, (None,))
show("p2.match('a\\nc')", lambda: p2.match('a\nc'))
show("p2.search('a\\nc')", lambda: p2.search('a\nc'))
show("p2.fullmatch('a\\nc')", lambda: p2.fullmatch('a\nc'))

p3 = C('[^x]y', 32, [14, 4, 0, 2, 2, 20, 120, 16, 121, 1], 0, {}, (None,))
show("p3.match('ay')", lambda: p3.match('ay'))
show("p3.search('ay')", lambda: p3.search('ay'))
show("p3.fullmatch('ay')", lambda: p3.fullmatch('ay'))
show("p3.match('xy')", lambda: p3.match('xy'))
show("p3.search('xy')", lambda: p3.search('xy'))
show("p3.fullmatch('xy')", lambda: p3.fullmatch('xy'))
show("p3.match('xxzy')", lambda: p3.match('xxzy'))
show("p3.search('xxzy')", lambda: p3.search('xxzy'))
show("p3.fullmatch('xxzy')", lambda: p3.fullmatch('xxzy'))

p4 = C('', 32, [14, 4, 0, 0, 0, 1], 0, {}, (None,))
show("p4.match('')", lambda: p4.match(''))
show("p4.search('')", lambda: p4.search(''))
show("p4.fullmatch('')", lambda: p4.fullmatch(''))
show("p4.match('abc')", lambda: p4.match('abc'))
show("p4.search('abc')", lambda: p4.search('abc'))
show("p4.fullmatch('abc')", lambda: p4.fullmatch('abc'))
show("p4.findall('abc')", lambda: p4.findall('abc'))

p5 = C('été', 32, [14, 12, 3, 3, 3, 3, 3, 233, 116, 233, 0, 0, 1, 16, 233, 16, 116, 16, 233, 1], 0, {}, (None,))
show("p5.match('été')", lambda: p5.match('été'))
show("p5.search('été')", lambda: p5.search('été'))
show("p5.fullmatch('été')", lambda: p5.fullmatch('été'))
show("p5.match('ete')", lambda: p5.match('ete'))
show("p5.search('ete')", lambda: p5.search('ete'))
show("p5.fullmatch('ete')", lambda: p5.fullmatch('ete'))
show('p5.match("l\'été!")', lambda: p5.match("l'été!"))
show('p5.search("l\'été!")', lambda: p5.search("l'été!"))
show('p5.fullmatch("l\'été!")', lambda: p5.fullmatch("l'été!"))

p6 = C('😀+', 32, [14, 4, 0, 1, 4294967295, 24, 6, 1, -1, 16, 128512, 1, 1], 0, {}, (None,))
show("p6.match('x😀😀y')", lambda: p6.match('x😀😀y'))
show("p6.search('x😀😀y')", lambda: p6.search('x😀😀y'))
show("p6.fullmatch('x😀😀y')", lambda: p6.fullmatch('x😀😀y'))
