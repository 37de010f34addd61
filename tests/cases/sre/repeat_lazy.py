"""lazy repeats: MIN_REPEAT_ONE, MIN_UNTIL"""
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



p0 = C('a*?', 32, [14, 4, 0, 0, 4294967295, 26, 6, 0, -1, 16, 97, 1, 1], 0, {}, (None,))
show("p0.match('aaa')", lambda: p0.match('aaa'))
show("p0.search('aaa')", lambda: p0.search('aaa'))
show("p0.fullmatch('aaa')", lambda: p0.fullmatch('aaa'))
show("p0.findall('aa')", lambda: p0.findall('aa'))

p1 = C('a+?', 32, [14, 4, 0, 1, 4294967295, 26, 6, 1, -1, 16, 97, 1, 1], 0, {}, (None,))
show("p1.match('aaa')", lambda: p1.match('aaa'))
show("p1.search('aaa')", lambda: p1.search('aaa'))
show("p1.fullmatch('aaa')", lambda: p1.fullmatch('aaa'))
show("p1.findall('aaa')", lambda: p1.findall('aaa'))

p2 = C('<.*?>', 32, [14, 8, 1, 2, 4294967295, 1, 1, 60, 0, 16, 60, 26, 5, 0, -1, 2, 1, 16, 62, 1], 0, {}, (None,))
show("p2.findall('<a><b>c</b>')", lambda: p2.findall('<a><b>c</b>'))

p3 = C('a{2,4}?', 32, [14, 4, 0, 2, 4, 26, 6, 2, 4, 16, 97, 1, 1], 0, {}, (None,))
show("p3.findall('aaaaaaaaa')", lambda: p3.findall('aaaaaaaaa'))

p4 = C('(ab)+?', 32, [14, 4, 0, 2, 4294967295, 23, 11, 1, -1, 17, 0, 16, 97, 16, 98, 17, 1, 19, 1], 1, {}, (None, None))
show("p4.search('ababab') and p4.search('ababab').groups()", lambda: p4.search('ababab') and p4.search('ababab').groups())
show("p4.search('ababab') and p4.search('ababab').span()", lambda: p4.search('ababab') and p4.search('ababab').span())

p5 = C('(ab)+?c', 32, [14, 4, 0, 3, 4294967295, 23, 11, 1, -1, 17, 0, 16, 97, 16, 98, 17, 1, 19, 16, 99, 1], 1, {}, (None, None))
show("p5.search('ababc') and p5.search('ababc').groups()", lambda: p5.search('ababc') and p5.search('ababc').groups())
show("p5.search('ababc') and p5.search('ababc').span()", lambda: p5.search('ababc') and p5.search('ababc').span())

p6 = C('(a|b)*?b', 32, [14, 4, 0, 1, 4294967295, 23, 13, 0, -1, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 19, 16, 98, 1], 1, {}, (None, None))
show("p6.search('aaab') and p6.search('aaab').groups()", lambda: p6.search('aaab') and p6.search('aaab').groups())
show("p6.search('aaab') and p6.search('aaab').span()", lambda: p6.search('aaab') and p6.search('aaab').span())

p7 = C('(?:ab)*?x', 32, [14, 4, 0, 1, 4294967295, 23, 7, 0, -1, 16, 97, 16, 98, 19, 16, 120, 1], 0, {}, (None,))
show("p7.match('ababx')", lambda: p7.match('ababx'))
show("p7.search('ababx')", lambda: p7.search('ababx'))
show("p7.fullmatch('ababx')", lambda: p7.fullmatch('ababx'))

p8 = C('a??b', 32, [14, 4, 0, 1, 2, 26, 6, 0, 1, 16, 97, 1, 16, 98, 1], 0, {}, (None,))
show("p8.match('ab')", lambda: p8.match('ab'))
show("p8.search('ab')", lambda: p8.search('ab'))
show("p8.fullmatch('ab')", lambda: p8.fullmatch('ab'))
show("p8.match('b')", lambda: p8.match('b'))
show("p8.search('b')", lambda: p8.search('b'))
show("p8.fullmatch('b')", lambda: p8.fullmatch('b'))

p9 = C('(a{2,3}?)+?$', 32, [14, 4, 0, 2, 4294967295, 23, 14, 1, -1, 17, 0, 26, 6, 2, 3, 16, 97, 1, 17, 1, 19, 6, 5, 1], 1, {}, (None, None))
show("p9.search('aaaaa') and p9.search('aaaaa').groups()", lambda: p9.search('aaaaa') and p9.search('aaaaa').groups())
show("p9.search('aaaaa') and p9.search('aaaaa').span()", lambda: p9.search('aaaaa') and p9.search('aaaaa').span())

p10 = C('(\\d+?)(\\d*)', 32, [14, 4, 0, 1, 4294967295, 17, 0, 26, 9, 1, -1, 13, 4, 8, 10, 0, 1, 17, 1, 17, 2, 24, 9, 0, -1, 13, 4, 8, 10, 0, 1, 17, 3, 1], 2, {}, (None, None, None))
show("p10.search('12345') and p10.search('12345').groups()", lambda: p10.search('12345') and p10.search('12345').groups())
show("p10.search('12345') and p10.search('12345').span()", lambda: p10.search('12345') and p10.search('12345').span())
