from string.templatelib import Template, Interpolation
t = t"a{1+1!r:>{3}}b{'y'}"
print(repr(t), t.strings, t.interpolations, t.values, list(t))
i = t.interpolations[0]
print(i.value, repr(i.expression), i.conversion, repr(i.format_spec), Interpolation.__match_args__)
print(repr(t""), list(t""), t"" + t"x{1}", repr(Template("a", Interpolation(1, "x"), "b", "c")))
print(type(t).__module__, type(t).__qualname__, type(i).__module__)
print(Template.__doc__)
print(Interpolation.__doc__)
print(i.__reduce__())
try: t + "s"
except TypeError as e: print(e)
try: "s" + t
except TypeError as e: print(e)
print(Interpolation(1, "x", "r", "spec"), Interpolation(1))
try: Template(1)
except TypeError as e: print(e)
print(sorted(n for n in dir(Template) if not n.startswith('__')), sorted(n for n in dir(Interpolation) if not n.startswith('__')))
print(hash(t) if False else '', t == t, t"a" == t"a")
name = "world"
greeting = t"Hello {name!r:>10}!"
match greeting.interpolations[0]:
    case Interpolation(value, expression, conversion, spec):
        print(value, expression, conversion, spec)
print(type(t"").__name__, type(t"{1}".interpolations[0]).__name__)
print(list(t"{1}{2}"), t"{1}{2}".strings)
class A:
    x: int
    def f(self, y: str) -> None: pass
print(type.__dict__["__annotations__"].__get__(A), A.f.__annotations__)
try:
    type.__dict__["__annotations__"].__get__(int)
except AttributeError as e:
    print("AttributeError:", e)
import annotationlib
print(annotationlib.get_annotations(A))
