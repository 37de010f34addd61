"""re module functions over the _sre engine: split, findall, finditer, fullmatch, flags"""
import re


def show(label, thunk):
    try:
        result = thunk()
    except Exception as exc:
        print(label, "->", f"{type(exc).__name__}: {exc}")
        return
    print(label, "->", repr(result))


show("split", lambda: re.split(r"\W+", "Words, words, words."))
show("split groups", lambda: re.split(r"(\W+)", "Words, words, words."))
show("split max", lambda: re.split(r"\W+", "Words, words, words.", maxsplit=1))
show("split bytes", lambda: re.split(rb",", b"a,b"))
show("findall", lambda: re.findall(r"\bf[a-z]*", "which foot or hand fell fastest"))
show("findall groups", lambda: re.findall(r"(\w+)=(\d+)", "set width=20 and height=10"))
show("finditer", lambda: [m.span() for m in re.finditer(r"\w+ly\b", "He was carefully disguised but captured quickly.")])
show("fullmatch", lambda: re.fullmatch(r"p.*n", "python"))
show("escape", lambda: re.escape("http://www.python.org"))
show("inline ignorecase", lambda: re.findall(r"(?i)abc", "ABC abc AbC"))
show("verbose", lambda: re.match(r"""\d +  # the integral part
                   \.    # the decimal point
                   \d *  # some fractional digits""", "3.14", re.X))
show("case folding", lambda: re.findall(r"(?i)straße", "STRASSE straße STRAßE"))
show("unicode words", lambda: re.findall(r"\w+", "naïve café 123 ünïcödé"))
show("ascii words", lambda: re.findall(r"\w+", "naïve café", re.A))
show("possessive", lambda: re.match(r"a*+b", "aaab"))
show("atomic", lambda: re.match(r"(?>a+)b", "aaab"))
show("conditional", lambda: re.findall(r"(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)", "<user@host.com> user@host.com"))
show("lastgroup", lambda: re.match(r"(?P<a>x)(?P<b>y)?", "x").lastgroup)
show("many", lambda: len(re.findall(r"[a-z]+", "abc " * 10000)))
show("deep", lambda: re.match(r"(?:a|b)*c", "ab" * 50000 + "c").end())
show("search pos", lambda: re.compile(r"\d").search("a1b2", 2))
show("Scanner", lambda: re.Scanner([(r"\d+", lambda s, t: int(t)), (r"\s+", None), (r"\w+", lambda s, t: t)]).scan("12 ab 3"))
