"""alternation and its backtracking"""
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



p0 = C('a|ab|abc', 32, [14, 8, 1, 1, 3, 1, 1, 97, 0, 16, 97, 7, 3, 15, 14, 5, 16, 98, 15, 9, 7, 16, 98, 16, 99, 15, 2, 0, 1], 0, {}, (None,))
show("p0.match('abc')", lambda: p0.match('abc'))
show("p0.search('abc')", lambda: p0.search('abc'))
show("p0.fullmatch('abc')", lambda: p0.fullmatch('abc'))
show("p0.fullmatch('abc')", lambda: p0.fullmatch('abc'))

p1 = C('(a|ab)(c|bcd)(d*)', 32, [14, 8, 1, 2, 4294967295, 1, 0, 97, 0, 17, 0, 16, 97, 7, 3, 15, 7, 5, 16, 98, 15, 2, 0, 17, 1, 17, 2, 7, 5, 16, 99, 15, 11, 9, 16, 98, 16, 99, 16, 100, 15, 2, 0, 17, 3, 17, 4, 24, 6, 0, -1, 16, 100, 1, 17, 5, 1], 3, {}, (None, None, None, None))
show("p1.match('abcd') and p1.match('abcd').groups()", lambda: p1.match('abcd') and p1.match('abcd').groups())
show("p1.match('abcd') and p1.match('abcd').span()", lambda: p1.match('abcd') and p1.match('abcd').span())

p2 = C('cat|dog|bird', 32, [14, 8, 4, 3, 4, 22, 98, 100, 0, 7, 9, 16, 99, 16, 97, 16, 116, 15, 22, 9, 16, 100, 16, 111, 16, 103, 15, 13, 11, 16, 98, 16, 105, 16, 114, 16, 100, 15, 2, 0, 1], 0, {}, (None,))
show("p2.findall('dog cat fish bird')", lambda: p2.findall('dog cat fish bird'))

p3 = C('x(?:a|b|)y', 32, [14, 8, 1, 2, 3, 1, 1, 120, 0, 16, 120, 7, 5, 16, 97, 15, 10, 5, 16, 98, 15, 5, 3, 15, 2, 0, 16, 121, 1], 0, {}, (None,))
show("p3.match('xy')", lambda: p3.match('xy'))
show("p3.search('xy')", lambda: p3.search('xy'))
show("p3.fullmatch('xy')", lambda: p3.fullmatch('xy'))
show("p3.match('xay')", lambda: p3.match('xay'))
show("p3.search('xay')", lambda: p3.search('xay'))
show("p3.fullmatch('xay')", lambda: p3.fullmatch('xay'))
show("p3.match('xcy')", lambda: p3.match('xcy'))
show("p3.search('xcy')", lambda: p3.search('xcy'))
show("p3.fullmatch('xcy')", lambda: p3.fullmatch('xcy'))

p4 = C('(?:[ab]|c)+', 32, [14, 4, 0, 1, 4294967295, 24, 10, 1, -1, 13, 5, 22, 97, 99, 0, 1, 1], 0, {}, (None,))
show("p4.findall('abcxcab')", lambda: p4.findall('abcxcab'))

p5 = C('(a)|(b)', 32, [14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 11, 9, 17, 2, 16, 98, 17, 3, 15, 2, 0, 1], 2, {}, (None, None, None))
show("[m.groups() for m in p5.finditer('ab')]", lambda: [m.groups() for m in p5.finditer('ab')])
show("[m.lastindex for m in p5.finditer('ab')]", lambda: [m.lastindex for m in p5.finditer('ab')])
