"""possessive repeats and atomic groups"""
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



p0 = C('a*+a', 32, [14, 4, 0, 1, 4294967295, 29, 6, 0, -1, 16, 97, 1, 16, 97, 1], 0, {}, (None,))
show("p0.match('aaa')", lambda: p0.match('aaa'))
show("p0.search('aaa')", lambda: p0.search('aaa'))
show("p0.fullmatch('aaa')", lambda: p0.fullmatch('aaa'))

p1 = C('a++b', 32, [14, 4, 0, 2, 4294967295, 29, 6, 1, -1, 16, 97, 1, 16, 98, 1], 0, {}, (None,))
show("p1.match('aaab')", lambda: p1.match('aaab'))
show("p1.search('aaab')", lambda: p1.search('aaab'))
show("p1.fullmatch('aaab')", lambda: p1.fullmatch('aaab'))
show("p1.match('b')", lambda: p1.match('b'))
show("p1.search('b')", lambda: p1.search('b'))
show("p1.fullmatch('b')", lambda: p1.fullmatch('b'))

p2 = C('(?:ab)*+ab', 32, [14, 4, 0, 2, 4294967295, 28, 7, 0, -1, 16, 97, 16, 98, 1, 16, 97, 16, 98, 1], 0, {}, (None,))
show("p2.match('ababab')", lambda: p2.match('ababab'))
show("p2.search('ababab')", lambda: p2.search('ababab'))
show("p2.fullmatch('ababab')", lambda: p2.fullmatch('ababab'))

p3 = C('(?:ab)*+c', 32, [14, 4, 0, 1, 4294967295, 28, 7, 0, -1, 16, 97, 16, 98, 1, 16, 99, 1], 0, {}, (None,))
show("p3.match('ababc')", lambda: p3.match('ababc'))
show("p3.search('ababc')", lambda: p3.search('ababc'))
show("p3.fullmatch('ababc')", lambda: p3.fullmatch('ababc'))

p4 = C('(?>a|ab)c', 32, [14, 4, 0, 2, 3, 27, 14, 16, 97, 7, 3, 15, 7, 5, 16, 98, 15, 2, 0, 1, 16, 99, 1], 0, {}, (None,))
show("p4.match('abc')", lambda: p4.match('abc'))
show("p4.search('abc')", lambda: p4.search('abc'))
show("p4.fullmatch('abc')", lambda: p4.fullmatch('abc'))
show("p4.match('ac')", lambda: p4.match('ac'))
show("p4.search('ac')", lambda: p4.search('ac'))
show("p4.fullmatch('ac')", lambda: p4.fullmatch('ac'))

p5 = C('(?>(a+))b', 32, [14, 4, 0, 2, 4294967295, 27, 13, 17, 0, 24, 6, 1, -1, 16, 97, 1, 17, 1, 1, 16, 98, 1], 1, {}, (None, None))
show("p5.search('aaab') and p5.search('aaab').groups()", lambda: p5.search('aaab') and p5.search('aaab').groups())
show("p5.search('aaab') and p5.search('aaab').span()", lambda: p5.search('aaab') and p5.search('aaab').span())

p6 = C('(?>x*)x', 32, [14, 4, 0, 1, 4294967295, 27, 9, 24, 6, 0, -1, 16, 120, 1, 1, 16, 120, 1], 0, {}, (None,))
show("p6.match('xxx')", lambda: p6.match('xxx'))
show("p6.search('xxx')", lambda: p6.search('xxx'))
show("p6.fullmatch('xxx')", lambda: p6.fullmatch('xxx'))

p7 = C('a?+a', 32, [14, 4, 0, 1, 2, 29, 6, 0, 1, 16, 97, 1, 16, 97, 1], 0, {}, (None,))
show("p7.match('a')", lambda: p7.match('a'))
show("p7.search('a')", lambda: p7.search('a'))
show("p7.fullmatch('a')", lambda: p7.fullmatch('a'))
show("p7.match('aa')", lambda: p7.match('aa'))
show("p7.search('aa')", lambda: p7.search('aa'))
show("p7.fullmatch('aa')", lambda: p7.fullmatch('aa'))

p8 = C('(ab){1,2}+c', 32, [14, 4, 0, 3, 5, 28, 11, 1, 2, 17, 0, 16, 97, 16, 98, 17, 1, 1, 16, 99, 1], 1, {}, (None, None))
show("p8.search('ababc') and p8.search('ababc').groups()", lambda: p8.search('ababc') and p8.search('ababc').groups())
show("p8.search('ababc') and p8.search('ababc').span()", lambda: p8.search('ababc') and p8.search('ababc').span())
show("p8.search('abababc') and p8.search('abababc').groups()", lambda: p8.search('abababc') and p8.search('abababc').groups())
show("p8.search('abababc') and p8.search('abababc').span()", lambda: p8.search('abababc') and p8.search('abababc').span())

p9 = C('(?:a|b)++', 32, [14, 4, 0, 1, 4294967295, 29, 10, 1, -1, 13, 5, 22, 97, 98, 0, 1, 1], 0, {}, (None,))
show("p9.findall('abcab')", lambda: p9.findall('abcab'))

p10 = C('[ab]{2}+', 32, [14, 4, 0, 2, 2, 29, 10, 2, 2, 13, 5, 22, 97, 98, 0, 1, 1], 0, {}, (None,))
show("p10.findall('ababa')", lambda: p10.findall('ababa'))

p11 = C('(?:x?)*+y', 32, [14, 4, 0, 1, 4294967295, 28, 10, 0, -1, 24, 6, 0, 1, 16, 120, 1, 1, 16, 121, 1], 0, {}, (None,))
show("p11.match('xxy')", lambda: p11.match('xxy'))
show("p11.search('xxy')", lambda: p11.search('xxy'))
show("p11.fullmatch('xxy')", lambda: p11.fullmatch('xxy'))
