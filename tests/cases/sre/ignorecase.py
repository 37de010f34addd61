"""IGNORECASE: LITERAL/IN/RANGE _IGNORE and _UNI_IGNORE"""
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



p0 = C('abc', 34, [14, 4, 0, 3, 3, 40, 97, 40, 98, 40, 99, 1], 0, {}, (None,))
show("p0.match('ABC')", lambda: p0.match('ABC'))
show("p0.search('ABC')", lambda: p0.search('ABC'))
show("p0.fullmatch('ABC')", lambda: p0.fullmatch('ABC'))
show("p0.match('aBc')", lambda: p0.match('aBc'))
show("p0.search('aBc')", lambda: p0.search('aBc'))
show("p0.fullmatch('aBc')", lambda: p0.fullmatch('aBc'))

p1 = C('ABC', 34, [14, 4, 0, 3, 3, 40, 97, 40, 98, 40, 99, 1], 0, {}, (None,))
show("p1.match('abc')", lambda: p1.match('abc'))
show("p1.search('abc')", lambda: p1.search('abc'))
show("p1.fullmatch('abc')", lambda: p1.fullmatch('abc'))

p2 = C('[a-c]+', 34, [14, 4, 0, 1, 4294967295, 24, 10, 1, -1, 39, 5, 22, 97, 99, 0, 1, 1], 0, {}, (None,))
show("p2.findall('AbCdB')", lambda: p2.findall('AbCdB'))

p3 = C('[^a-c]+', 34, [14, 4, 0, 1, 4294967295, 24, 11, 1, -1, 39, 6, 21, 22, 97, 99, 0, 1, 1], 0, {}, (None,))
show("p3.findall('AbCdxB')", lambda: p3.findall('AbCdxB'))

p4 = C('été', 34, [14, 4, 0, 3, 3, 40, 233, 40, 116, 40, 233, 1], 0, {}, (None,))
show("p4.match('ÉTÉ')", lambda: p4.match('ÉTÉ'))
show("p4.search('ÉTÉ')", lambda: p4.search('ÉTÉ'))
show("p4.fullmatch('ÉTÉ')", lambda: p4.fullmatch('ÉTÉ'))

p5 = C('été', 258, [14, 8, 1, 3, 3, 1, 1, 233, 0, 16, 233, 32, 116, 16, 233, 1], 0, {}, (None,))
show("p5.match('ÉTÉ')", lambda: p5.match('ÉTÉ'))
show("p5.search('ÉTÉ')", lambda: p5.search('ÉTÉ'))
show("p5.fullmatch('ÉTÉ')", lambda: p5.fullmatch('ÉTÉ'))

p6 = C('σ', 34, [14, 4, 0, 1, 1, 39, 6, 16, 963, 16, 962, 0, 1], 0, {}, (None,))
show("p6.findall('Σσς')", lambda: p6.findall('Σσς'))

p7 = C('k', 34, [14, 4, 0, 1, 1, 40, 107, 1], 0, {}, (None,))
show("p7.findall('kKK')", lambda: p7.findall('kKK'))

p8 = C('k', 258, [14, 4, 0, 1, 1, 32, 107, 1], 0, {}, (None,))
show("p8.findall('kKK')", lambda: p8.findall('kKK'))

p9 = C('s', 34, [14, 4, 0, 1, 1, 39, 6, 16, 115, 16, 383, 0, 1], 0, {}, (None,))
show("p9.findall('sSſ')", lambda: p9.findall('sSſ'))

p10 = C('[а-я]+', 34, [14, 4, 0, 1, 4294967295, 24, 13, 1, -1, 39, 8, 22, 1072, 1103, 22, 7296, 7302, 0, 1, 1], 0, {}, (None,))
show("p10.findall('ПРИвет')", lambda: p10.findall('ПРИвет'))

p11 = C('i', 34, [14, 4, 0, 1, 1, 39, 6, 16, 105, 16, 305, 0, 1], 0, {}, (None,))
show("p11.findall('iIİı')", lambda: p11.findall('iIİı'))

p12 = C('x+', 34, [14, 4, 0, 1, 4294967295, 24, 6, 1, -1, 40, 120, 1, 1], 0, {}, (None,))
show("p12.findall('xXxy')", lambda: p12.findall('xXxy'))

p13 = C('[x]+?', 34, [14, 4, 0, 1, 4294967295, 26, 6, 1, -1, 40, 120, 1, 1], 0, {}, (None,))
show("p13.findall('xXxy')", lambda: p13.findall('xXxy'))

p14 = C(b'abc', 2, [14, 4, 0, 3, 3, 32, 97, 32, 98, 32, 99, 1], 0, {}, (None,))
show("p14.match(b'ABC')", lambda: p14.match(b'ABC'))
show("p14.match(b'\\xc1BC')", lambda: p14.match(b'\xc1BC'))

p15 = C(b'[a-z]+', 2, [14, 4, 0, 1, 4294967295, 24, 10, 1, -1, 31, 5, 22, 97, 122, 0, 1, 1], 0, {}, (None,))
show("p15.findall(b'HeLLo')", lambda: p15.findall(b'HeLLo'))

p16 = C('[^x]', 34, [14, 4, 0, 1, 1, 41, 120, 1], 0, {}, (None,))
show("p16.findall('xXy')", lambda: p16.findall('xXy'))

p17 = C('ß', 34, [14, 4, 0, 1, 1, 40, 223, 1], 0, {}, (None,))
show("p17.findall('ßẞ')", lambda: p17.findall('ßẞ'))
