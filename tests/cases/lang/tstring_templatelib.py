from string.templatelib import Template, Interpolation, convert
x = 42; name = 'w'
t = t"a{x!r:>5}b{name}c"
print(repr(t)); print(t.strings, t.interpolations, t.values)
print(list(t))
i = t.interpolations[0]
print(i.value, i.expression, i.conversion, i.format_spec, Interpolation.__match_args__)
print(repr(i))
print(Template.__module__, Template.__name__, Template.__qualname__, Interpolation.__module__)
print(repr(Template()), repr(Template('a', 'b')), repr(Template(i, i)), repr(Template('a', i, 'b', 'c')))
print(repr(t + t), repr(t"" + t"{x}"))
for bad in ["t + 'x'", "'x' + t", "Template(1)", "Interpolation()", "Interpolation(1, 2)", "Interpolation(1, 'x', 'q')", "Interpolation(1, 'x', None, 5)", "t.strings = ()", "i.value = 3", "Template(strings=())", "Interpolation(1, 'e', 'r', 'x', 5)"]:
    try: print(bad, '->', repr(eval(bad)))
    except Exception as e: print(bad, '->', type(e).__name__, e)
print(repr(Interpolation(1)), repr(Interpolation(1, 'e', 'r', 'spec')), repr(Interpolation(value=1, expression='z')))
r = t.__reduce__(); print(r[0].__name__, r[0].__module__, r[1])
print(i.__reduce__())
match i:
    case Interpolation(v, e, c, f): print('match', v, e, c, f)
print(repr(t"{x=}"), repr(t"{x=!s:^3}"), repr(t"{ x = }"))
print(repr(t"{x:{name}}"), repr(t'{x}' t'{x}'))
print(type(t).__mro__, dir(t)[-6:], dir(i)[-6:])
print(t == t, t"" == t"")
print(repr(t"{{}}{x!a}"))
print(convert(1, 'r'), convert('a', None))
try: convert(1, 'x')
except ValueError as e: print(e)
for stmt in ["t.strings = ()", "i.value = 3", "del i.format_spec"]:
    try: exec(stmt)
    except AttributeError as e: print(stmt, '->', e)
print(hash(t) == hash(t), t != t"a{x!r:>5}b{name}c")
def f(v):
    return t"{v}-{v*2}"
print([p.value if isinstance(p, Interpolation) else p for p in f(3)])
print(Template('x', Interpolation(1, 'one')).values, r[0](*r[1]).strings)
