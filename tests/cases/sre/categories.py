"""\d \w \s and their negations, unicode and ascii"""
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



p0 = C('\\d+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,))
show("p0.findall('a12b٣٤c')", lambda: p0.findall('a12b٣٤c'))

p1 = C('\\d+', 256, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 0, 0, 1, 1], 0, {}, (None,))
show("p1.findall('a12b٣٤c')", lambda: p1.findall('a12b٣٤c'))

p2 = C('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,))
show("p2.findall('héllo wörld_1 ²')", lambda: p2.findall('héllo wörld_1 ²'))

p3 = C('\\w+', 256, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 4, 0, 1, 1], 0, {}, (None,))
show("p3.findall('héllo wörld_1')", lambda: p3.findall('héllo wörld_1'))

p4 = C('\\s+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 12, 0, 1, 1], 0, {}, (None,))
show("p4.split('a b\\tc\\u3000d\\x1ce')", lambda: p4.split('a b\tc\u3000d\x1ce'))

p5 = C('\\s+', 256, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 2, 0, 1, 1], 0, {}, (None,))
show("p5.split('a b\\tc\\u3000d')", lambda: p5.split('a b\tc\u3000d'))

p6 = C('\\D\\W\\S', 32, [14, 7, 4, 3, 3, 8, 11, 0, 13, 4, 8, 11, 0, 13, 4, 8, 15, 0, 13, 4, 8, 13, 0, 1], 0, {}, (None,))
show("p6.match('a!x')", lambda: p6.match('a!x'))
show("p6.search('a!x')", lambda: p6.search('a!x'))
show("p6.fullmatch('a!x')", lambda: p6.fullmatch('a!x'))
show("p6.match('1!x')", lambda: p6.match('1!x'))
show("p6.search('1!x')", lambda: p6.search('1!x'))
show("p6.fullmatch('1!x')", lambda: p6.fullmatch('1!x'))

p7 = C(b'\\w+', 0, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 4, 0, 1, 1], 0, {}, (None,))
show("p7.findall(b'abc d\\xe9f_1')", lambda: p7.findall(b'abc d\xe9f_1'))

p8 = C(b'\\d+\\s*', 0, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 0, 0, 1, 24, 9, 0, -1, 13, 4, 8, 2, 0, 1, 1], 0, {}, (None,))
show("p8.findall(b'12 34  5')", lambda: p8.findall(b'12 34  5'))
