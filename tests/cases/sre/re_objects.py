"""re.Pattern/re.Match types, reprs, errors from the parser, mixing str and bytes"""
import re


def show(label, thunk):
    try:
        result = thunk()
    except Exception as exc:
        print(label, "->", f"{type(exc).__name__}: {exc}")
        return
    print(label, "->", repr(result))


show("pattern repr", lambda: re.compile(r"\d+", re.I | re.M))
show("pattern repr bytes", lambda: re.compile(rb"x", re.L))
show("pattern repr plain", lambda: re.compile("a|b"))
show("types", lambda: (re.Pattern, re.Match))
show("generic", lambda: re.Pattern[str])
show("match repr", lambda: re.search(r"o+", "foooo"))
show("flags", lambda: re.compile("a", re.I).flags)
show("regexflag", lambda: re.I | re.M)
show("copy", lambda: __import__("copy").deepcopy(re.compile("a")).pattern)
show("cache", lambda: re.compile("abc") is re.compile("abc"))
show("equal", lambda: re.compile("abc") == re.compile("abc", re.I))
show("missing paren", lambda: re.compile(r"(abc"))
show("nothing to repeat", lambda: re.compile(r"a**"))
show("bad range", lambda: re.compile(r"[z-a]"))
show("bad group name", lambda: re.compile(r"(?P<1x>a)"))
show("bad backref", lambda: re.compile(r"\1(a)"))
show("lookbehind width", lambda: re.compile(r"(?<=a+)b"))
show("str pattern on bytes", lambda: re.match("a", b"a"))
show("bytes pattern on str", lambda: re.match(b"a", "a"))
show("str repl for bytes", lambda: re.sub(b"a", "b", b"a"))
show("not a string", lambda: re.match("a", 1))
show("isinstance", lambda: isinstance(re.match("a", "a"), re.Match))
