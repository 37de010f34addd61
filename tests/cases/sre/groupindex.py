"""Pattern.groupindex is a read-only mappingproxy"""
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



p0 = C('(?P<a>x)(?P<b>y)', 32, [14, 10, 1, 2, 2, 2, 0, 120, 121, 0, 0, 17, 0, 16, 120, 17, 1, 17, 2, 16, 121, 17, 3, 1], 2, {'a': 1, 'b': 2}, (None, 'a', 'b'))
show('p0.groupindex', lambda: p0.groupindex)
show('type(p0.groupindex).__name__', lambda: type(p0.groupindex).__name__)
show("p0.groupindex['b']", lambda: p0.groupindex['b'])

p1 = C('(x)', 32, [14, 8, 1, 1, 1, 1, 0, 120, 0, 17, 0, 16, 120, 17, 1, 1], 1, {}, (None, None))
show('p1.groupindex', lambda: p1.groupindex)
