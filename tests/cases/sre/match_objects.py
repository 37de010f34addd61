"""Match reprs, string/re/pos/endpos, copies"""
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



p0 = C('b+', 32, [14, 4, 0, 1, 4294967295, 24, 6, 1, -1, 16, 98, 1, 1], 0, {}, (None,))
show("p0.search('abbbc')", lambda: p0.search('abbbc'))
show("p0.search('abbbc').string", lambda: p0.search('abbbc').string)
show("p0.search('abbbc').re", lambda: p0.search('abbbc').re)
show("p0.search('abbbc', 1, 3)", lambda: p0.search('abbbc', 1, 3))
show("p0.search('abbbc', 1, 3).pos", lambda: p0.search('abbbc', 1, 3).pos)
show("p0.search('abbbc', 1, 3).endpos", lambda: p0.search('abbbc', 1, 3).endpos)
show("p0.search('abbbc').__copy__() is not None", lambda: p0.search('abbbc').__copy__() is not None)
show("p0.search('x' + 'b' * 100)", lambda: p0.search('x' + 'b' * 100))
show("p0.search('abbbc').expand", lambda: p0.search('abbbc').expand)
show("bool(p0.search('abbbc'))", lambda: bool(p0.search('abbbc')))
show("type(p0.search('b')).__name__", lambda: type(p0.search('b')).__name__)
show("type(p0.search('b')).__module__", lambda: type(p0.search('b')).__module__)
show('type(p0).__name__', lambda: type(p0).__name__)
show('type(p0).__qualname__', lambda: type(p0).__qualname__)
show('type(p0).__module__', lambda: type(p0).__module__)

p1 = C(b'b+', 0, [14, 4, 0, 1, 4294967295, 24, 6, 1, -1, 16, 98, 1, 1], 0, {}, (None,))
show("p1.search(b'abbbc')", lambda: p1.search(b'abbbc'))
show("p1.search(bytearray(b'abbc'))", lambda: p1.search(bytearray(b'abbc')))
show("p1.search(bytearray(b'abbc')).group()", lambda: p1.search(bytearray(b'abbc')).group())
show("p1.search(memoryview(b'abbc')).span()", lambda: p1.search(memoryview(b'abbc')).span())

p2 = C('é+', 32, [14, 4, 0, 1, 4294967295, 24, 6, 1, -1, 16, 233, 1, 1], 0, {}, (None,))
show("p2.search('caféé!')", lambda: p2.search('caféé!'))
show("p2.search('caféé!').span()", lambda: p2.search('caféé!').span())

p3 = C('x', 32, [14, 8, 3, 1, 1, 1, 1, 120, 0, 16, 120, 1], 0, {}, (None,))
show("p3.match('x') == p3.match('x')", lambda: p3.match('x') == p3.match('x'))
show('p == p', lambda: p == p)
show('hash(p3) == hash(p3)', lambda: hash(p3) == hash(p3))
show('p3.__copy__() is p', lambda: p3.__copy__() is p)
show('p3.__deepcopy__({}) is p', lambda: p3.__deepcopy__({}) is p)
show("__import__('_weakref').ref(p3)() is p3.__copy__()", lambda: __import__('_weakref').ref(p3)() is p3.__copy__())
show("p3.match('x').__deepcopy__({}).span()", lambda: p3.match('x').__deepcopy__({}).span())
