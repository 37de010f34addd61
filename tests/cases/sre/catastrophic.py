"""deep and long matches stay on the heap"""
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



p0 = C('(?:a|b)*c', 32, [14, 4, 0, 1, 4294967295, 24, 10, 0, -1, 13, 5, 22, 97, 98, 0, 1, 16, 99, 1], 0, {}, (None,))
show("p0.match('ab' * 5000 + 'c').end()", lambda: p0.match('ab' * 5000 + 'c').end())

p1 = C('(a|b)*c', 32, [14, 4, 0, 1, 4294967295, 23, 13, 0, -1, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 18, 16, 99, 1], 1, {}, (None, None))
show("p1.match('ab' * 5000 + 'c').span(1)", lambda: p1.match('ab' * 5000 + 'c').span(1))

p2 = C('(?:a*?b)+c', 32, [14, 4, 0, 2, 4294967295, 23, 12, 1, -1, 26, 6, 0, -1, 16, 97, 1, 16, 98, 18, 16, 99, 1], 0, {}, (None,))
show("p2.match('aab' * 3000 + 'c').end()", lambda: p2.match('aab' * 3000 + 'c').end())

p3 = C('((((((((((a))))))))))*', 32, [14, 4, 0, 0, 4294967295, 23, 45, 0, -1, 17, 0, 17, 2, 17, 4, 17, 6, 17, 8, 17, 10, 17, 12, 17, 14, 17, 16, 17, 18, 16, 97, 17, 19, 17, 17, 17, 15, 17, 13, 17, 11, 17, 9, 17, 7, 17, 5, 17, 3, 17, 1, 18, 1], 10, {}, (None, None, None, None, None, None, None, None, None, None, None))
show("p3.match('a' * 10000).end()", lambda: p3.match('a' * 10000).end())

p4 = C('(?:(?:(?:(?:x)*)*)*)*y', 32, [14, 4, 0, 1, 4294967295, 23, 20, 0, -1, 23, 15, 0, -1, 23, 10, 0, -1, 24, 6, 0, -1, 16, 120, 1, 18, 18, 18, 16, 121, 1], 0, {}, (None,))
show("p4.match('x' * 2000 + 'y').end()", lambda: p4.match('x' * 2000 + 'y').end())

p5 = C('(a+)+b', 32, [14, 4, 0, 2, 4294967295, 23, 14, 1, -1, 17, 0, 24, 6, 1, -1, 16, 97, 1, 17, 1, 18, 16, 98, 1], 1, {}, (None, None))
show("p5.match('a' * 12)", lambda: p5.match('a' * 12))

p6 = C('(?:.*,){3}x', 32, [14, 4, 0, 4, 4294967295, 23, 11, 3, 3, 24, 5, 0, -1, 2, 1, 16, 44, 18, 16, 120, 1], 0, {}, (None,))
show("p6.match('a,' * 20)", lambda: p6.match('a,' * 20))
