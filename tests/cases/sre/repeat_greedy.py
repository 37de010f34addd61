"""greedy repeats: REPEAT_ONE, REPEAT/MAX_UNTIL"""
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



p0 = C('a*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, -1, 16, 97, 1, 1], 0, {}, (None,))
show("p0.match('aaa')", lambda: p0.match('aaa'))
show("p0.search('aaa')", lambda: p0.search('aaa'))
show("p0.fullmatch('aaa')", lambda: p0.fullmatch('aaa'))
show("p0.match('baaa')", lambda: p0.match('baaa'))
show("p0.search('baaa')", lambda: p0.search('baaa'))
show("p0.fullmatch('baaa')", lambda: p0.fullmatch('baaa'))
show("p0.findall('aabaa')", lambda: p0.findall('aabaa'))

p1 = C('a+b', 32, [14, 4, 0, 2, 4294967295, 24, 6, 1, -1, 16, 97, 1, 16, 98, 1], 0, {}, (None,))
show("p1.match('aaab')", lambda: p1.match('aaab'))
show("p1.search('aaab')", lambda: p1.search('aaab'))
show("p1.fullmatch('aaab')", lambda: p1.fullmatch('aaab'))
show("p1.match('b')", lambda: p1.match('b'))
show("p1.search('b')", lambda: p1.search('b'))
show("p1.fullmatch('b')", lambda: p1.fullmatch('b'))

p2 = C('a{2,3}', 32, [14, 4, 0, 2, 3, 24, 6, 2, 3, 16, 97, 1, 1], 0, {}, (None,))
show("p2.findall('aaaaaaa')", lambda: p2.findall('aaaaaaa'))

p3 = C('a{3}', 32, [14, 4, 0, 3, 3, 24, 6, 3, 3, 16, 97, 1, 1], 0, {}, (None,))
show("p3.match('aa')", lambda: p3.match('aa'))
show("p3.search('aa')", lambda: p3.search('aa'))
show("p3.fullmatch('aa')", lambda: p3.fullmatch('aa'))
show("p3.match('aaaa')", lambda: p3.match('aaaa'))
show("p3.search('aaaa')", lambda: p3.search('aaaa'))
show("p3.fullmatch('aaaa')", lambda: p3.fullmatch('aaaa'))

p4 = C('(ab)*c', 32, [14, 4, 0, 1, 4294967295, 23, 11, 0, -1, 17, 0, 16, 97, 16, 98, 17, 1, 18, 16, 99, 1], 1, {}, (None, None))
show("p4.search('ababc') and p4.search('ababc').groups()", lambda: p4.search('ababc') and p4.search('ababc').groups())
show("p4.search('ababc') and p4.search('ababc').span()", lambda: p4.search('ababc') and p4.search('ababc').span())
show("p4.search('c') and p4.search('c').groups()", lambda: p4.search('c') and p4.search('c').groups())
show("p4.search('c') and p4.search('c').span()", lambda: p4.search('c') and p4.search('c').span())

p5 = C('(ab){2,}', 32, [14, 4, 0, 4, 4294967295, 23, 11, 2, -1, 17, 0, 16, 97, 16, 98, 17, 1, 18, 1], 1, {}, (None, None))
show("p5.search('abababx') and p5.search('abababx').groups()", lambda: p5.search('abababx') and p5.search('abababx').groups())
show("p5.search('abababx') and p5.search('abababx').span()", lambda: p5.search('abababx') and p5.search('abababx').span())
show("p5.search('abx') and p5.search('abx').groups()", lambda: p5.search('abx') and p5.search('abx').groups())
show("p5.search('abx') and p5.search('abx').span()", lambda: p5.search('abx') and p5.search('abx').span())

p6 = C('(a|b)*?c', 32, [14, 4, 0, 1, 4294967295, 23, 13, 0, -1, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 19, 16, 99, 1], 1, {}, (None, None))
show("p6.search('abbac') and p6.search('abbac').groups()", lambda: p6.search('abbac') and p6.search('abbac').groups())
show("p6.search('abbac') and p6.search('abbac').span()", lambda: p6.search('abbac') and p6.search('abbac').span())

p7 = C('(?:a|bc)*d', 32, [14, 4, 0, 1, 4294967295, 23, 17, 0, -1, 7, 5, 16, 97, 15, 9, 7, 16, 98, 16, 99, 15, 2, 0, 18, 16, 100, 1], 0, {}, (None,))
show("p7.match('abcabcd')", lambda: p7.match('abcabcd'))
show("p7.search('abcabcd')", lambda: p7.search('abcabcd'))
show("p7.fullmatch('abcabcd')", lambda: p7.fullmatch('abcabcd'))
show("p7.match('abcbd')", lambda: p7.match('abcbd'))
show("p7.search('abcbd')", lambda: p7.search('abcbd'))
show("p7.fullmatch('abcbd')", lambda: p7.fullmatch('abcbd'))

p8 = C('.*foo', 32, [14, 4, 0, 3, 4294967295, 24, 5, 0, -1, 2, 1, 16, 102, 16, 111, 16, 111, 1], 0, {}, (None,))
show("p8.match('xfooyfooz')", lambda: p8.match('xfooyfooz'))
show("p8.search('xfooyfooz')", lambda: p8.search('xfooyfooz'))
show("p8.fullmatch('xfooyfooz')", lambda: p8.fullmatch('xfooyfooz'))

p9 = C('(a*)*b', 32, [14, 4, 0, 1, 4294967295, 23, 14, 0, -1, 17, 0, 24, 6, 0, -1, 16, 97, 1, 17, 1, 18, 16, 98, 1], 1, {}, (None, None))
show("p9.search('aaab') and p9.search('aaab').groups()", lambda: p9.search('aaab') and p9.search('aaab').groups())
show("p9.search('aaab') and p9.search('aaab').span()", lambda: p9.search('aaab') and p9.search('aaab').span())
show("p9.search('b') and p9.search('b').groups()", lambda: p9.search('b') and p9.search('b').groups())
show("p9.search('b') and p9.search('b').span()", lambda: p9.search('b') and p9.search('b').span())

p10 = C('(a*)+b', 32, [14, 4, 0, 1, 4294967295, 23, 14, 1, -1, 17, 0, 24, 6, 0, -1, 16, 97, 1, 17, 1, 18, 16, 98, 1], 1, {}, (None, None))
show("p10.search('aab') and p10.search('aab').groups()", lambda: p10.search('aab') and p10.search('aab').groups())
show("p10.search('aab') and p10.search('aab').span()", lambda: p10.search('aab') and p10.search('aab').span())

p11 = C('(a?)*?b', 32, [14, 4, 0, 1, 4294967295, 23, 14, 0, -1, 17, 0, 24, 6, 0, 1, 16, 97, 1, 17, 1, 19, 16, 98, 1], 1, {}, (None, None))
show("p11.search('aab') and p11.search('aab').groups()", lambda: p11.search('aab') and p11.search('aab').groups())
show("p11.search('aab') and p11.search('aab').span()", lambda: p11.search('aab') and p11.search('aab').span())

p12 = C('(\\w+)\\s(\\w+)', 32, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, -1, 13, 4, 8, 14, 0, 1, 17, 1, 13, 4, 8, 12, 0, 17, 2, 24, 9, 1, -1, 13, 4, 8, 14, 0, 1, 17, 3, 1], 2, {}, (None, None, None))
show("p12.search('hello world') and p12.search('hello world').groups()", lambda: p12.search('hello world') and p12.search('hello world').groups())
show("p12.search('hello world') and p12.search('hello world').span()", lambda: p12.search('hello world') and p12.search('hello world').span())

p13 = C('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, -1, 16, 120, 1, 1], 0, {}, (None,))
show("p13.sub('-', 'abxd')", lambda: p13.sub('-', 'abxd'))
show("p13.split('axbxxc')", lambda: p13.split('axbxxc'))

p14 = C('(?:x|y)*z', 32, [14, 4, 0, 1, 4294967295, 24, 10, 0, -1, 13, 5, 22, 120, 121, 0, 1, 16, 122, 1], 0, {}, (None,))
show("p14.match('xyxyz')", lambda: p14.match('xyxyz'))
show("p14.search('xyxyz')", lambda: p14.search('xyxyz'))
show("p14.fullmatch('xyxyz')", lambda: p14.fullmatch('xyxyz'))

p15 = C('a{0}b', 32, [14, 4, 0, 1, 1, 24, 6, 0, 0, 16, 97, 1, 16, 98, 1], 0, {}, (None,))
show("p15.match('ab')", lambda: p15.match('ab'))
show("p15.search('ab')", lambda: p15.search('ab'))
show("p15.fullmatch('ab')", lambda: p15.fullmatch('ab'))
show("p15.match('b')", lambda: p15.match('b'))
show("p15.search('b')", lambda: p15.search('b'))
show("p15.fullmatch('b')", lambda: p15.fullmatch('b'))
