"""re.sub/subn/expand with replacement templates (re._compile_template + _sre.template)"""
import re


def show(label, thunk):
    try:
        result = thunk()
    except Exception as exc:
        print(label, "->", f"{type(exc).__name__}: {exc}")
        return
    print(label, "->", repr(result))


show("swap", lambda: re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"))
show("named", lambda: re.sub(r"(?P<a>\d+)", r"<\g<a>>", "a1b22"))
show("g0", lambda: re.sub(r"\d+", r"[\g<0>]", "a1b22"))
show("escapes", lambda: re.sub(r"x", r"\n\t\\", "axb"))
show("bad group", lambda: re.sub(r"x", r"\2", "axb"))
show("bad escape", lambda: re.sub(r"x", r"\q", "axb"))
show("unmatched group", lambda: re.sub(r"(a)|b", r"[\1]", "ab"))
show("subn count", lambda: re.subn(r"a", "b", "aaa", count=2))
show("bytes template", lambda: re.sub(rb"(a)", rb"\1\1", b"abca"))
show("expand", lambda: re.match(r"(?P<x>a)(b)", "ab").expand(r"\2\g<x>\1"))
show("expand bytes", lambda: re.match(rb"(a)", b"a").expand(rb"<\1>"))
show("backslash only", lambda: re.sub("a", "\\\\", "a"))
show("callable", lambda: re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"))
show("not str", lambda: re.sub("o", 1, "foo"))
show("bytearray repl", lambda: re.sub(b"o", bytearray(b"\\g<0>0"), b"foo"))
show("empty matches", lambda: re.sub("x*", "-", "abxd"))
