"""anchors and boundaries"""
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



p0 = C('^ab', 32, [14, 4, 0, 2, 2, 6, 0, 16, 97, 16, 98, 1], 0, {}, (None,))
show("p0.match('ab')", lambda: p0.match('ab'))
show("p0.search('ab')", lambda: p0.search('ab'))
show("p0.fullmatch('ab')", lambda: p0.fullmatch('ab'))
show("p0.match('xab')", lambda: p0.match('xab'))
show("p0.search('xab')", lambda: p0.search('xab'))
show("p0.fullmatch('xab')", lambda: p0.fullmatch('xab'))
show("p0.search('ab', 1)", lambda: p0.search('ab', 1))

p1 = C('ab$', 32, [14, 10, 1, 2, 2, 2, 2, 97, 98, 0, 0, 16, 97, 16, 98, 6, 5, 1], 0, {}, (None,))
show("p1.match('ab')", lambda: p1.match('ab'))
show("p1.search('ab')", lambda: p1.search('ab'))
show("p1.fullmatch('ab')", lambda: p1.fullmatch('ab'))
show("p1.match('ab\\n')", lambda: p1.match('ab\n'))
show("p1.search('ab\\n')", lambda: p1.search('ab\n'))
show("p1.fullmatch('ab\\n')", lambda: p1.fullmatch('ab\n'))
show("p1.match('ab\\nx')", lambda: p1.match('ab\nx'))
show("p1.search('ab\\nx')", lambda: p1.search('ab\nx'))
show("p1.fullmatch('ab\\nx')", lambda: p1.fullmatch('ab\nx'))

p2 = C('^a', 40, [14, 4, 0, 1, 1, 6, 1, 16, 97, 1], 0, {}, (None,))
show("p2.findall('a\\nab\\nb\\na')", lambda: p2.findall('a\nab\nb\na'))

p3 = C('a$', 40, [14, 8, 1, 1, 1, 1, 1, 97, 0, 16, 97, 6, 6, 1], 0, {}, (None,))
show("p3.findall('a\\nba\\nb')", lambda: p3.findall('a\nba\nb'))

p4 = C('\\Aa', 40, [14, 4, 0, 1, 1, 6, 2, 16, 97, 1], 0, {}, (None,))
show("p4.findall('a\\na')", lambda: p4.findall('a\na'))

p5 = C('a\\Z', 40, [14, 8, 1, 1, 1, 1, 1, 97, 0, 16, 97, 6, 7, 1], 0, {}, (None,))
show("p5.findall('a\\na')", lambda: p5.findall('a\na'))
show("p5.findall('a\\na\\n')", lambda: p5.findall('a\na\n'))

p6 = C('\\bfoo\\b', 32, [14, 4, 0, 3, 3, 6, 10, 16, 102, 16, 111, 16, 111, 6, 10, 1], 0, {}, (None,))
show("p6.findall('foo food foo. xfoo foo')", lambda: p6.findall('foo food foo. xfoo foo'))

p7 = C('\\Bo\\B', 32, [14, 4, 0, 1, 1, 6, 11, 16, 111, 6, 11, 1], 0, {}, (None,))
show("p7.findall('foo bob o')", lambda: p7.findall('foo bob o'))

p8 = C('\\b\\w', 32, [14, 4, 0, 1, 1, 6, 10, 13, 4, 8, 14, 0, 1], 0, {}, (None,))
show("p8.findall('héllo wörld')", lambda: p8.findall('héllo wörld'))

p9 = C('\\b\\w', 256, [14, 4, 0, 1, 1, 6, 3, 13, 4, 8, 4, 0, 1], 0, {}, (None,))
show("p9.findall('héllo wörld')", lambda: p9.findall('héllo wörld'))

p10 = C('\\b', 32, [14, 4, 0, 0, 0, 6, 10, 1], 0, {}, (None,))
show("p10.findall('')", lambda: p10.findall(''))
show("p10.findall('ab cd')", lambda: p10.findall('ab cd'))

p11 = C(b'\\bx\\b', 0, [14, 4, 0, 1, 1, 6, 3, 16, 120, 6, 3, 1], 0, {}, (None,))
show("p11.findall(b'x xx x')", lambda: p11.findall(b'x xx x'))

p12 = C('$', 32, [14, 4, 0, 0, 0, 6, 5, 1], 0, {}, (None,))
show("p12.findall('a\\nb\\n')", lambda: p12.findall('a\nb\n'))
show("p12.sub('!', 'a\\nb\\n')", lambda: p12.sub('!', 'a\nb\n'))

p13 = C('^', 40, [14, 4, 0, 0, 0, 6, 1, 1], 0, {}, (None,))
show("p13.sub('> ', 'a\\nb\\n')", lambda: p13.sub('> ', 'a\nb\n'))
