"""capturing groups, named groups, Match accessors"""
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



p0 = C('(a)(b)?(c)', 32, [14, 8, 1, 2, 3, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 9, 0, 1, 17, 2, 16, 98, 17, 3, 18, 17, 4, 16, 99, 17, 5, 1], 3, {}, (None, None, None, None))
show("p0.match('ac').groups()", lambda: p0.match('ac').groups())
show("p0.match('ac').groups('-')", lambda: p0.match('ac').groups('-'))
show("p0.match('abc').span(2)", lambda: p0.match('abc').span(2))
show("p0.match('ac').span(2)", lambda: p0.match('ac').span(2))
show("p0.match('ac').start(3)", lambda: p0.match('ac').start(3))
show("p0.match('ac').end(1)", lambda: p0.match('ac').end(1))
show("p0.match('ac').regs", lambda: p0.match('ac').regs)
show("p0.match('ac').lastindex", lambda: p0.match('ac').lastindex)
show("p0.match('ac').group(0, 1, 2)", lambda: p0.match('ac').group(0, 1, 2))
show("p0.match('ac')[3]", lambda: p0.match('ac')[3])
show("p0.match('ac').group(4)", lambda: p0.match('ac').group(4))
show("p0.match('ac').group(-1)", lambda: p0.match('ac').group(-1))
show("p0.match('ac').group('x')", lambda: p0.match('ac').group('x'))
show('p0.groups', lambda: p0.groups)

p1 = C('(?P<first>\\w+) (?P<last>\\w+)(?P<rest>!)?', 32, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, -1, 13, 4, 8, 14, 0, 1, 17, 1, 16, 32, 17, 2, 24, 9, 1, -1, 13, 4, 8, 14, 0, 1, 17, 3, 23, 9, 0, 1, 17, 4, 16, 33, 17, 5, 18, 1], 3, {'first': 1, 'last': 2, 'rest': 3}, (None, 'first', 'last', 'rest'))
show("p1.match('Jane Doe').groupdict()", lambda: p1.match('Jane Doe').groupdict())
show("p1.match('Jane Doe').groupdict('?')", lambda: p1.match('Jane Doe').groupdict('?'))
show("p1.match('Jane Doe').group('last')", lambda: p1.match('Jane Doe').group('last'))
show("p1.match('Jane Doe')['first']", lambda: p1.match('Jane Doe')['first'])
show("p1.match('Jane Doe').span('last')", lambda: p1.match('Jane Doe').span('last'))
show("p1.match('Jane Doe').lastgroup", lambda: p1.match('Jane Doe').lastgroup)
show("p1.match('Jane Doe!').lastgroup", lambda: p1.match('Jane Doe!').lastgroup)
show("p1.match('Jane Doe').lastindex", lambda: p1.match('Jane Doe').lastindex)
show('dict(p1.groupindex)', lambda: dict(p1.groupindex))
show("p1.match('Jane Doe').start('nope')", lambda: p1.match('Jane Doe').start('nope'))
show("p1.match('Jane Doe').group(True)", lambda: p1.match('Jane Doe').group(True))

p2 = C('((a)|b)+', 32, [14, 4, 0, 1, 4294967295, 23, 23, 1, -1, 17, 0, 7, 9, 17, 2, 16, 97, 17, 3, 15, 7, 5, 16, 98, 15, 2, 0, 17, 1, 18, 1], 2, {}, (None, None, None))
show("p2.match('ab') and p2.match('ab').groups()", lambda: p2.match('ab') and p2.match('ab').groups())
show("p2.match('ab') and p2.match('ab').span()", lambda: p2.match('ab') and p2.match('ab').span())
show("p2.match('ab').lastindex", lambda: p2.match('ab').lastindex)
show("p2.match('ba').lastindex", lambda: p2.match('ba').lastindex)
show("p2.match('ba').groups()", lambda: p2.match('ba').groups())

p3 = C('(?:(a)|(b))*', 32, [14, 4, 0, 0, 4294967295, 23, 23, 0, -1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 11, 9, 17, 2, 16, 98, 17, 3, 15, 2, 0, 18, 1], 2, {}, (None, None, None))
show("p3.match('abab') and p3.match('abab').groups()", lambda: p3.match('abab') and p3.match('abab').groups())
show("p3.match('abab') and p3.match('abab').span()", lambda: p3.match('abab') and p3.match('abab').span())

p4 = C('(a)(?:(b)|c)*', 32, [14, 8, 1, 1, 4294967295, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 19, 0, -1, 7, 9, 17, 2, 16, 98, 17, 3, 15, 7, 5, 16, 99, 15, 2, 0, 18, 1], 2, {}, (None, None, None))
show("p4.match('abc') and p4.match('abc').groups()", lambda: p4.match('abc') and p4.match('abc').groups())
show("p4.match('abc') and p4.match('abc').span()", lambda: p4.match('abc') and p4.match('abc').span())

p5 = C('(?P<x>a)|(?P<y>b)', 32, [14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 11, 9, 17, 2, 16, 98, 17, 3, 15, 2, 0, 1], 2, {'x': 1, 'y': 2}, (None, 'x', 'y'))
show("p5.match('b').lastgroup", lambda: p5.match('b').lastgroup)
show("p5.match('b').groupdict()", lambda: p5.match('b').groupdict())

p6 = C('(((a)))', 32, [14, 8, 1, 1, 1, 1, 0, 97, 0, 17, 0, 17, 2, 17, 4, 16, 97, 17, 5, 17, 3, 17, 1, 1], 3, {}, (None, None, None, None))
show("p6.match('a').lastindex", lambda: p6.match('a').lastindex)
show("p6.match('a').regs", lambda: p6.match('a').regs)

p7 = C('x(a)?y', 32, [14, 8, 1, 2, 3, 1, 1, 120, 0, 16, 120, 23, 9, 0, 1, 17, 0, 16, 97, 17, 1, 18, 16, 121, 1], 1, {}, (None, None))
show("p7.match('xy').group(1)", lambda: p7.match('xy').group(1))
show("p7.match('xy').span(1)", lambda: p7.match('xy').span(1))
