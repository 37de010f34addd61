"""ASSERT and ASSERT_NOT: lookahead and lookbehind"""
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



p0 = C('foo(?=bar)', 32, [14, 12, 1, 3, 3, 3, 3, 102, 111, 111, 0, 0, 0, 16, 102, 16, 111, 16, 111, 4, 9, 0, 16, 98, 16, 97, 16, 114, 1, 1], 0, {}, (None,))
show("p0.findall('foobar foobaz')", lambda: p0.findall('foobar foobaz'))
show("p0.search('foobar').span()", lambda: p0.search('foobar').span())

p1 = C('foo(?!bar)', 32, [14, 12, 1, 3, 3, 3, 3, 102, 111, 111, 0, 0, 0, 16, 102, 16, 111, 16, 111, 5, 9, 0, 16, 98, 16, 97, 16, 114, 1, 1], 0, {}, (None,))
show("p1.findall('foobar foobaz foo')", lambda: p1.findall('foobar foobaz foo'))

p2 = C('(?<=\\$)\\d+', 32, [14, 4, 0, 1, 4294967295, 4, 5, 1, 16, 36, 1, 24, 9, 1, -1, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,))
show("p2.findall('$10 20 $30')", lambda: p2.findall('$10 20 $30'))

p3 = C('(?<!\\$)\\b\\d+', 32, [14, 4, 0, 1, 4294967295, 5, 5, 1, 16, 36, 1, 6, 10, 24, 9, 1, -1, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,))
show("p3.findall('$10 20 $30 40')", lambda: p3.findall('$10 20 $30 40'))

p4 = C('(?<=ab)c', 32, [14, 4, 0, 1, 1, 4, 7, 2, 16, 97, 16, 98, 1, 16, 99, 1], 0, {}, (None,))
show("p4.search('abc', 2)", lambda: p4.search('abc', 2))
show("p4.match('abc', 2)", lambda: p4.match('abc', 2))

p5 = C('(?=(\\w+))\\w', 32, [14, 4, 0, 1, 1, 4, 17, 0, 17, 0, 24, 9, 1, -1, 13, 4, 8, 14, 0, 1, 17, 1, 1, 13, 4, 8, 14, 0, 1], 1, {}, (None, None))
show("p5.findall('ab cd')", lambda: p5.findall('ab cd'))

p6 = C('(?!(a))\\w', 32, [14, 4, 0, 1, 1, 5, 9, 0, 17, 0, 16, 97, 17, 1, 1, 13, 4, 8, 14, 0, 1], 1, {}, (None, None))
show("p6.search('b') and p6.search('b').groups()", lambda: p6.search('b') and p6.search('b').groups())
show("p6.search('b') and p6.search('b').span()", lambda: p6.search('b') and p6.search('b').span())

p7 = C('(?<=(a))b', 32, [14, 4, 0, 1, 1, 4, 9, 1, 17, 0, 16, 97, 17, 1, 1, 16, 98, 1], 1, {}, (None, None))
show("p7.search('ab') and p7.search('ab').groups()", lambda: p7.search('ab') and p7.search('ab').groups())
show("p7.search('ab') and p7.search('ab').span()", lambda: p7.search('ab') and p7.search('ab').span())

p8 = C('^(?=.*\\d)(?=.*[a-z]).{4,}$', 32, [14, 4, 0, 4, 4294967295, 6, 0, 4, 14, 0, 24, 5, 0, -1, 2, 1, 13, 4, 8, 10, 0, 1, 4, 15, 0, 24, 5, 0, -1, 2, 1, 13, 5, 22, 97, 122, 0, 1, 24, 5, 4, -1, 2, 1, 6, 5, 1], 0, {}, (None,))
show("[bool(p8.match(s)) for s in ['ab12', 'abcd', '1234', 'a1']]", lambda: [bool(p8.match(s)) for s in ['ab12', 'abcd', '1234', 'a1']])

p9 = C('\\w+(?<!ing)\\b', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 14, 0, 1, 5, 9, 3, 16, 105, 16, 110, 16, 103, 1, 6, 10, 1], 0, {}, (None,))
show("p9.findall('sing song ringing rang')", lambda: p9.findall('sing song ringing rang'))

p10 = C('(?<=a|b)c', 32, [14, 4, 0, 1, 1, 4, 9, 1, 13, 5, 22, 97, 98, 0, 1, 16, 99, 1], 0, {}, (None,))
show("p10.findall('ac bc cc')", lambda: p10.findall('ac bc cc'))

p11 = C('(?:(?!ab).)+', 32, [14, 4, 0, 1, 4294967295, 23, 12, 1, -1, 5, 7, 0, 16, 97, 16, 98, 1, 2, 18, 1], 0, {}, (None,))
show("p11.findall('xxabyyab')", lambda: p11.findall('xxabyyab'))
