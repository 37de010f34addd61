"""IN with ranges, negation, categories, big charsets"""
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



p0 = C('[a-f0-9]+', 32, [14, 4, 0, 1, 4294967295, 24, 13, 1, -1, 13, 8, 22, 97, 102, 22, 48, 57, 0, 1, 1], 0, {}, (None,))
show("p0.match('deadbeef99')", lambda: p0.match('deadbeef99'))
show("p0.search('deadbeef99')", lambda: p0.search('deadbeef99'))
show("p0.fullmatch('deadbeef99')", lambda: p0.fullmatch('deadbeef99'))
show("p0.match('xyz')", lambda: p0.match('xyz'))
show("p0.search('xyz')", lambda: p0.search('xyz'))
show("p0.fullmatch('xyz')", lambda: p0.fullmatch('xyz'))
show("p0.findall('a1 g2 ff')", lambda: p0.findall('a1 g2 ff'))

p1 = C('[^a-z ]+', 32, [14, 4, 0, 1, 4294967295, 24, 13, 1, -1, 13, 8, 21, 22, 97, 122, 16, 32, 0, 1, 1], 0, {}, (None,))
show("p1.findall('abc DEF 123 ghi')", lambda: p1.findall('abc DEF 123 ghi'))

p2 = C('[\\d\\s]+', 32, [14, 4, 0, 1, 4294967295, 24, 11, 1, -1, 13, 6, 8, 10, 8, 12, 0, 1, 1], 0, {}, (None,))
show("p2.findall('ab 12 3\\t4x')", lambda: p2.findall('ab 12 3\t4x'))

p3 = C('[\\w.]+', 32, [14, 4, 0, 1, 4294967295, 24, 11, 1, -1, 13, 6, 8, 14, 16, 46, 0, 1, 1], 0, {}, (None,))
show("p3.findall('foo.bar baz_1 élève')", lambda: p3.findall('foo.bar baz_1 élève'))

p4 = C('[\\w.]+', 256, [14, 4, 0, 1, 4294967295, 24, 11, 1, -1, 13, 6, 8, 4, 16, 46, 0, 1, 1], 0, {}, (None,))
show("p4.findall('foo.bar baz_1 élève')", lambda: p4.findall('foo.bar baz_1 élève'))

p5 = C('[Ѐ-ӿ]+', 32, [14, 4, 0, 1, 4294967295, 24, 10, 1, -1, 13, 5, 22, 1024, 1279, 0, 1, 1], 0, {}, (None,))
show("p5.findall('abc привет xyz')", lambda: p5.findall('abc привет xyz'))

p6 = C('[一二三Ā-Đx]+', 32, [14, 4, 0, 1, 4294967295, 24, 105, 1, -1, 13, 100, 10, 4, 33685760, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33751554, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 33686018, 0, 0, 0, 16777216, 0, 0, 0, 0, 131071, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 513, 0, 0, 0, 4096, 0, 0, 0, 0, 1, 1], 0, {}, (None,))
show("p6.findall('a一二bąx三')", lambda: p6.findall('a一二bąx三'))

p7 = C('[^一-三]', 32, [14, 9, 4, 1, 1, 21, 22, 19968, 19977, 0, 13, 6, 21, 22, 19968, 19977, 0, 1], 0, {}, (None,))
show("p7.findall('一a丁b')", lambda: p7.findall('一a丁b'))

p8 = C('[\\W]+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 15, 0, 1, 1], 0, {}, (None,))
show("p8.findall('a, b; c!')", lambda: p8.findall('a, b; c!'))

p9 = C('[\\S]+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 13, 0, 1, 1], 0, {}, (None,))
show("p9.findall(' a  bc ')", lambda: p9.findall(' a  bc '))

p10 = C('[\\D]+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, -1, 13, 4, 8, 11, 0, 1, 1], 0, {}, (None,))
show("p10.findall('a1b22c')", lambda: p10.findall('a1b22c'))

p11 = C('[a]', 32, [14, 8, 3, 1, 1, 1, 1, 97, 0, 16, 97, 1], 0, {}, (None,))
show("p11.match('a')", lambda: p11.match('a'))
show("p11.search('a')", lambda: p11.search('a'))
show("p11.fullmatch('a')", lambda: p11.fullmatch('a'))

p12 = C('[ab]', 32, [14, 8, 4, 1, 1, 22, 97, 98, 0, 13, 5, 22, 97, 98, 0, 1], 0, {}, (None,))
show("p12.match('b')", lambda: p12.match('b'))
show("p12.search('b')", lambda: p12.search('b'))
show("p12.fullmatch('b')", lambda: p12.fullmatch('b'))

p13 = C('[]a]', 32, [14, 9, 4, 1, 1, 16, 93, 16, 97, 0, 13, 6, 16, 93, 16, 97, 0, 1], 0, {}, (None,))
show("p13.findall('a]b')", lambda: p13.findall('a]b'))
