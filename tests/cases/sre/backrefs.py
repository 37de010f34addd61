"""GROUPREF, GROUPREF_IGNORE, GROUPREF_EXISTS"""
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



p0 = C('(\\w+) \\1', 32, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, -1, 13, 4, 8, 14, 0, 1, 17, 1, 16, 32, 11, 0, 1], 1, {}, (None, None))
show("p0.match('hey hey')", lambda: p0.match('hey hey'))
show("p0.search('hey hey')", lambda: p0.search('hey hey'))
show("p0.fullmatch('hey hey')", lambda: p0.fullmatch('hey hey'))
show("p0.match('hey you')", lambda: p0.match('hey you'))
show("p0.search('hey you')", lambda: p0.search('hey you'))
show("p0.fullmatch('hey you')", lambda: p0.fullmatch('hey you'))
show("p0.findall('a a b c c')", lambda: p0.findall('a a b c c'))

p1 = C('(a)|\\1', 32, [14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 7, 5, 11, 0, 15, 2, 0, 1], 1, {}, (None, None))
show("p1.match('x')", lambda: p1.match('x'))
show("p1.search('x')", lambda: p1.search('x'))
show("p1.fullmatch('x')", lambda: p1.fullmatch('x'))

p2 = C('(?P<q>[\'\\"]).*?(?P=q)', 32, [14, 9, 4, 2, 4294967295, 16, 39, 16, 34, 0, 17, 0, 13, 6, 16, 39, 16, 34, 0, 17, 1, 26, 5, 0, -1, 2, 1, 11, 0, 1], 1, {'q': 1}, (None, 'q'))
show('p2.findall(\'say "hi" and \\\'yo\\\' "x\')', lambda: p2.findall('say "hi" and \'yo\' "x'))

p3 = C('(\\w+) \\1', 34, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, -1, 13, 4, 8, 14, 0, 1, 17, 1, 16, 32, 38, 0, 1], 1, {}, (None, None))
show("p3.match('Hey HEY')", lambda: p3.match('Hey HEY'))
show("p3.search('Hey HEY')", lambda: p3.search('Hey HEY'))
show("p3.fullmatch('Hey HEY')", lambda: p3.fullmatch('Hey HEY'))
show("p3.match('été ÉTÉ')", lambda: p3.match('été ÉTÉ'))
show("p3.search('été ÉTÉ')", lambda: p3.search('été ÉTÉ'))
show("p3.fullmatch('été ÉTÉ')", lambda: p3.fullmatch('été ÉTÉ'))

p4 = C('(\\w+) \\1', 258, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, -1, 13, 4, 8, 4, 0, 1, 17, 1, 16, 32, 30, 0, 1], 1, {}, (None, None))
show("p4.match('Hey HEY')", lambda: p4.match('Hey HEY'))
show("p4.search('Hey HEY')", lambda: p4.search('Hey HEY'))
show("p4.fullmatch('Hey HEY')", lambda: p4.fullmatch('Hey HEY'))
show("p4.match('été ÉTÉ')", lambda: p4.match('été ÉTÉ'))
show("p4.search('été ÉTÉ')", lambda: p4.search('été ÉTÉ'))
show("p4.fullmatch('été ÉTÉ')", lambda: p4.fullmatch('été ÉTÉ'))

p5 = C('(<)?\\w+(?(1)>)', 32, [14, 4, 0, 1, 4294967295, 23, 9, 0, 1, 17, 0, 16, 60, 17, 1, 18, 24, 9, 1, -1, 13, 4, 8, 14, 0, 1, 12, 0, 4, 16, 62, 1], 1, {}, (None, None))
show("p5.fullmatch('<a>')", lambda: p5.fullmatch('<a>'))
show("p5.fullmatch('a')", lambda: p5.fullmatch('a'))
show("p5.fullmatch('<a')", lambda: p5.fullmatch('<a'))

p6 = C('(a)?(?(1)b|c)', 32, [14, 4, 0, 1, 2, 23, 9, 0, 1, 17, 0, 16, 97, 17, 1, 18, 12, 0, 6, 16, 98, 15, 3, 16, 99, 1], 1, {}, (None, None))
show("p6.match('ab')", lambda: p6.match('ab'))
show("p6.search('ab')", lambda: p6.search('ab'))
show("p6.fullmatch('ab')", lambda: p6.fullmatch('ab'))
show("p6.match('c')", lambda: p6.match('c'))
show("p6.search('c')", lambda: p6.search('c'))
show("p6.fullmatch('c')", lambda: p6.fullmatch('c'))
show("p6.match('ac')", lambda: p6.match('ac'))
show("p6.search('ac')", lambda: p6.search('ac'))
show("p6.fullmatch('ac')", lambda: p6.fullmatch('ac'))

p7 = C('(?P<n>x)?y(?(n)z|w)', 32, [14, 4, 0, 2, 3, 23, 9, 0, 1, 17, 0, 16, 120, 17, 1, 18, 16, 121, 12, 0, 6, 16, 122, 15, 3, 16, 119, 1], 1, {'n': 1}, (None, 'n'))
show("p7.findall('xyz yw xyw')", lambda: p7.findall('xyz yw xyw'))

p8 = C('(a*)\\1b', 32, [14, 4, 0, 1, 4294967295, 17, 0, 24, 6, 0, -1, 16, 97, 1, 17, 1, 11, 0, 16, 98, 1], 1, {}, (None, None))
show("p8.search('aaaab') and p8.search('aaaab').groups()", lambda: p8.search('aaaab') and p8.search('aaaab').groups())
show("p8.search('aaaab') and p8.search('aaaab').span()", lambda: p8.search('aaaab') and p8.search('aaaab').span())

p9 = C(b'(.)\\1', 0, [14, 4, 0, 2, 2, 17, 0, 2, 17, 1, 11, 0, 1], 1, {}, (None, None))
show("p9.findall(b'aabbcd')", lambda: p9.findall(b'aabbcd'))
