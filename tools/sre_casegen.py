"""Writes tests/cases/sre/NAME.py programs that exercise `_sre` without importing `re`.

Run it with the oracle (CPython 3.14), from the repository root:

    /work/shared/oracle/cpython314 tools/sre_casegen.py

For every pattern, CPython's own compiler (re._parser + re._compiler) produces the
arguments of `_sre.compile`; they are written into the case as data, so the case only
needs `_sre`. The expected outputs then come from the oracle through tools/regen.py."""

import os
import _sre
import re._compiler as compiler
import re._parser as parser
from re._constants import SRE_FLAG_DEBUG

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "cases", "sre")

PRELUDE = '''import _sre
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


'''


def compile_args(pattern, flags):
    p = parser.parse(pattern, flags)
    code = compiler._code(p, flags)
    code = [-1 if word == _sre.MAXREPEAT else int(word) for word in code]
    groupindex = p.state.groupdict
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (pattern, flags | p.state.flags, code, p.state.groups - 1, dict(groupindex), tuple(indexgroup))


def write_case(name, entries, doc):
    lines = [f'"""{doc}"""', PRELUDE]
    for number, (pattern, flags, exprs) in enumerate(entries):
        args = compile_args(pattern, flags)
        lines.append(f"p{number} = C{args!r}")
        for expr in exprs:
            expr = expr.replace("p.", f"p{number}.").replace("(p,", f"(p{number},").replace("[p]", f"[p{number}]").replace("(p)", f"(p{number})")
            lines.append(f"show({expr!r}, lambda: {expr})")
        lines.append("")
    with open(os.path.join(HERE, name + ".py"), "w") as f:
        f.write("\n".join(lines).rstrip() + "\n")


def m(s, *rest):
    """group spans of p.match / search / fullmatch"""
    extra = "".join(", " + repr(r) for r in rest)
    return [f"p.match({s!r}{extra})", f"p.search({s!r}{extra})", f"p.fullmatch({s!r}{extra})"]


def g(s, call="search"):
    return [f"p.{call}({s!r}) and p.{call}({s!r}).groups()", f"p.{call}({s!r}) and p.{call}({s!r}).span()"]


CASES = {}

CASES["literal"] = ("literals, NOT_LITERAL, ANY, ANY_ALL", [
    ("abc", 0, m("abc") + m("xabcx") + m("ab") + m("abcd")),
    ("a.c", 0, m("abc") + m("a\nc") + m("ac")),
    ("a.c", 16, m("a\nc")),
    ("[^x]y", 0, m("ay") + m("xy") + m("xxzy")),
    ("", 0, m("") + m("abc") + ["p.findall('abc')"]),
    ("\u00e9t\u00e9", 0, m("\u00e9t\u00e9") + m("ete") + m("l'\u00e9t\u00e9!")),
    ("\U0001f600+", 0, m("x\U0001f600\U0001f600y")),
])

CASES["charset"] = ("IN with ranges, negation, categories, big charsets", [
    ("[a-f0-9]+", 0, m("deadbeef99") + m("xyz") + ["p.findall('a1 g2 ff')"]),
    ("[^a-z ]+", 0, ["p.findall('abc DEF 123 ghi')"]),
    (r"[\d\s]+", 0, ["p.findall('ab 12 3\\t4x')"]),
    (r"[\w.]+", 0, ["p.findall('foo.bar baz_1 \u00e9l\u00e8ve')"]),
    (r"[\w.]+", 256, ["p.findall('foo.bar baz_1 \u00e9l\u00e8ve')"]),
    ("[\u0400-\u04ff]+", 0, ["p.findall('abc \u043f\u0440\u0438\u0432\u0435\u0442 xyz')"]),
    ("[\u4e00\u4e8c\u4e09\u0100-\u0110x]+", 0, ["p.findall('a\u4e00\u4e8cb\u0105x\u4e09')"]),
    ("[^\u4e00-\u4e09]", 0, ["p.findall('\u4e00a\u4e01b')"]),
    (r"[\W]+", 0, ["p.findall('a, b; c!')"]),
    (r"[\S]+", 0, ["p.findall(' a  bc ')"]),
    (r"[\D]+", 0, ["p.findall('a1b22c')"]),
    ("[a]", 0, m("a")),
    ("[ab]", 0, m("b")),
    ("[]a]", 0, ["p.findall('a]b')"]),
])

CASES["categories"] = ("\\d \\w \\s and their negations, unicode and ascii", [
    (r"\d+", 0, ["p.findall('a12b\u0663\u0664c')"]),
    (r"\d+", 256, ["p.findall('a12b\u0663\u0664c')"]),
    (r"\w+", 0, ["p.findall('h\u00e9llo w\u00f6rld_1 \u00b2')"]),
    (r"\w+", 256, ["p.findall('h\u00e9llo w\u00f6rld_1')"]),
    (r"\s+", 0, ["p.split('a b\\tc\\u3000d\\x1ce')"]),
    (r"\s+", 256, ["p.split('a b\\tc\\u3000d')"]),
    (r"\D\W\S", 0, m("a!x") + m("1!x")),
    (rb"\w+", 0, ["p.findall(b'abc d\\xe9f_1')"]),
    (rb"\d+\s*", 0, ["p.findall(b'12 34  5')"]),
])

CASES["at"] = ("anchors and boundaries", [
    ("^ab", 0, m("ab") + m("xab") + ["p.search('ab', 1)"]),
    ("ab$", 0, m("ab") + m("ab\n") + m("ab\nx")),
    ("^a", 8, ["p.findall('a\\nab\\nb\\na')"]),
    ("a$", 8, ["p.findall('a\\nba\\nb')"]),
    (r"\Aa", 8, ["p.findall('a\\na')"]),
    (r"a\Z", 8, ["p.findall('a\\na')", "p.findall('a\\na\\n')"]),
    (r"\bfoo\b", 0, ["p.findall('foo food foo. xfoo foo')"]),
    (r"\Bo\B", 0, ["p.findall('foo bob o')"]),
    (r"\b\w", 0, ["p.findall('h\u00e9llo w\u00f6rld')"]),
    (r"\b\w", 256, ["p.findall('h\u00e9llo w\u00f6rld')"]),
    (r"\b", 0, ["p.findall('')", "p.findall('ab cd')"]),
    (rb"\bx\b", 0, ["p.findall(b'x xx x')"]),
    ("$", 0, ["p.findall('a\\nb\\n')", "p.sub('!', 'a\\nb\\n')"]),
    ("^", 8, ["p.sub('> ', 'a\\nb\\n')"]),
])

CASES["branch"] = ("alternation and its backtracking", [
    ("a|ab|abc", 0, m("abc") + ["p.fullmatch('abc')"]),
    ("(a|ab)(c|bcd)(d*)", 0, g("abcd", "match")),
    ("cat|dog|bird", 0, ["p.findall('dog cat fish bird')"]),
    ("x(?:a|b|)y", 0, m("xy") + m("xay") + m("xcy")),
    ("(?:[ab]|c)+", 0, ["p.findall('abcxcab')"]),
    ("(a)|(b)", 0, ["[m.groups() for m in p.finditer('ab')]", "[m.lastindex for m in p.finditer('ab')]"]),
])

CASES["repeat_greedy"] = ("greedy repeats: REPEAT_ONE, REPEAT/MAX_UNTIL", [
    ("a*", 0, m("aaa") + m("baaa") + ["p.findall('aabaa')"]),
    ("a+b", 0, m("aaab") + m("b")),
    ("a{2,3}", 0, ["p.findall('aaaaaaa')"]),
    ("a{3}", 0, m("aa") + m("aaaa")),
    ("(ab)*c", 0, g("ababc") + g("c")),
    ("(ab){2,}", 0, g("abababx") + g("abx")),
    ("(a|b)*?c", 0, g("abbac")),
    ("(?:a|bc)*d", 0, m("abcabcd") + m("abcbd")),
    (".*foo", 0, m("xfooyfooz")),
    ("(a*)*b", 0, g("aaab") + g("b")),
    ("(a*)+b", 0, g("aab")),
    ("(a?)*?b", 0, g("aab")),
    ("(\\w+)\\s(\\w+)", 0, g("hello world")),
    ("x*", 0, ["p.sub('-', 'abxd')", "p.split('axbxxc')"]),
    ("(?:x|y)*z", 0, m("xyxyz")),
    ("a{0}b", 0, m("ab") + m("b")),
])

CASES["repeat_lazy"] = ("lazy repeats: MIN_REPEAT_ONE, MIN_UNTIL", [
    ("a*?", 0, m("aaa") + ["p.findall('aa')"]),
    ("a+?", 0, m("aaa") + ["p.findall('aaa')"]),
    ("<.*?>", 0, ["p.findall('<a><b>c</b>')"]),
    ("a{2,4}?", 0, ["p.findall('aaaaaaaaa')"]),
    ("(ab)+?", 0, g("ababab")),
    ("(ab)+?c", 0, g("ababc")),
    ("(a|b)*?b", 0, g("aaab")),
    ("(?:ab)*?x", 0, m("ababx")),
    ("a??b", 0, m("ab") + m("b")),
    ("(a{2,3}?)+?$", 0, g("aaaaa")),
    (r"(\d+?)(\d*)", 0, g("12345")),
])

CASES["possessive"] = ("possessive repeats and atomic groups", [
    ("a*+a", 0, m("aaa")),
    ("a++b", 0, m("aaab") + m("b")),
    ("(?:ab)*+ab", 0, m("ababab")),
    ("(?:ab)*+c", 0, m("ababc")),
    ("(?>a|ab)c", 0, m("abc") + m("ac")),
    ("(?>(a+))b", 0, g("aaab")),
    ("(?>x*)x", 0, m("xxx")),
    ("a?+a", 0, m("a") + m("aa")),
    ("(ab){1,2}+c", 0, g("ababc") + g("abababc")),
    ("(?:a|b)++", 0, ["p.findall('abcab')"]),
    ("[ab]{2}+", 0, ["p.findall('ababa')"]),
    ("(?:x?)*+y", 0, m("xxy")),
])

CASES["groups"] = ("capturing groups, named groups, Match accessors", [
    ("(a)(b)?(c)", 0, ["p.match('ac').groups()", "p.match('ac').groups('-')", "p.match('abc').span(2)",
                        "p.match('ac').span(2)", "p.match('ac').start(3)", "p.match('ac').end(1)",
                        "p.match('ac').regs", "p.match('ac').lastindex", "p.match('ac').group(0, 1, 2)",
                        "p.match('ac')[3]", "p.match('ac').group(4)", "p.match('ac').group(-1)",
                        "p.match('ac').group('x')", "p.groups"]),
    ("(?P<first>\\w+) (?P<last>\\w+)(?P<rest>!)?", 0, [
        "p.match('Jane Doe').groupdict()", "p.match('Jane Doe').groupdict('?')",
        "p.match('Jane Doe').group('last')", "p.match('Jane Doe')['first']",
        "p.match('Jane Doe').span('last')", "p.match('Jane Doe').lastgroup",
        "p.match('Jane Doe!').lastgroup", "p.match('Jane Doe').lastindex", "dict(p.groupindex)",
        "p.match('Jane Doe').start('nope')", "p.match('Jane Doe').group(True)"]),
    ("((a)|b)+", 0, g("ab", "match") + ["p.match('ab').lastindex", "p.match('ba').lastindex", "p.match('ba').groups()"]),
    ("(?:(a)|(b))*", 0, g("abab", "match")),
    ("(a)(?:(b)|c)*", 0, g("abc", "match")),
    ("(?P<x>a)|(?P<y>b)", 0, ["p.match('b').lastgroup", "p.match('b').groupdict()"]),
    ("(((a)))", 0, ["p.match('a').lastindex", "p.match('a').regs"]),
    ("x(a)?y", 0, ["p.match('xy').group(1)", "p.match('xy').span(1)"]),
])

CASES["backrefs"] = ("GROUPREF, GROUPREF_IGNORE, GROUPREF_EXISTS", [
    (r"(\w+) \1", 0, m("hey hey") + m("hey you") + ["p.findall('a a b c c')"]),
    (r"(a)|\1", 0, m("x")),
    (r"(?P<q>['\"]).*?(?P=q)", 0, ["p.findall('say \"hi\" and \\'yo\\' \"x')"]),
    (r"(\w+) \1", 2, m("Hey HEY") + m("\u00e9t\u00e9 \u00c9T\u00c9")),
    (r"(\w+) \1", 258, m("Hey HEY") + m("\u00e9t\u00e9 \u00c9T\u00c9")),
    (r"(<)?\w+(?(1)>)", 0, ["p.fullmatch('<a>')", "p.fullmatch('a')", "p.fullmatch('<a')"]),
    (r"(a)?(?(1)b|c)", 0, m("ab") + m("c") + m("ac")),
    (r"(?P<n>x)?y(?(n)z|w)", 0, ["p.findall('xyz yw xyw')"]),
    (r"(a*)\1b", 0, g("aaaab")),
    (rb"(.)\1", 0, ["p.findall(b'aabbcd')"]),
])

CASES["lookaround"] = ("ASSERT and ASSERT_NOT: lookahead and lookbehind", [
    (r"foo(?=bar)", 0, ["p.findall('foobar foobaz')", "p.search('foobar').span()"]),
    (r"foo(?!bar)", 0, ["p.findall('foobar foobaz foo')"]),
    (r"(?<=\$)\d+", 0, ["p.findall('$10 20 $30')"]),
    (r"(?<!\$)\b\d+", 0, ["p.findall('$10 20 $30 40')"]),
    (r"(?<=ab)c", 0, ["p.search('abc', 2)", "p.match('abc', 2)"]),
    (r"(?=(\w+))\w", 0, ["p.findall('ab cd')"]),
    (r"(?!(a))\w", 0, g("b")),
    (r"(?<=(a))b", 0, g("ab")),
    (r"^(?=.*\d)(?=.*[a-z]).{4,}$", 0, ["[bool(p.match(s)) for s in ['ab12', 'abcd', '1234', 'a1']]"]),
    (r"\w+(?<!ing)\b", 0, ["p.findall('sing song ringing rang')"]),
    (r"(?<=a|b)c", 0, ["p.findall('ac bc cc')"]),
    (r"(?:(?!ab).)+", 0, ["p.findall('xxabyyab')"]),
])

CASES["ignorecase"] = ("IGNORECASE: LITERAL/IN/RANGE _IGNORE and _UNI_IGNORE", [
    ("abc", 2, m("ABC") + m("aBc")),
    ("ABC", 2, m("abc")),
    ("[a-c]+", 2, ["p.findall('AbCdB')"]),
    ("[^a-c]+", 2, ["p.findall('AbCdxB')"]),
    ("\u00e9t\u00e9", 2, m("\u00c9T\u00c9")),
    ("\u00e9t\u00e9", 258, m("\u00c9T\u00c9")),
    ("\u03c3", 2, ["p.findall('\u03a3\u03c3\u03c2')"]),
    ("k", 2, ["p.findall('kK\u212a')"]),
    ("k", 258, ["p.findall('kK\u212a')"]),
    ("s", 2, ["p.findall('sS\u017f')"]),
    ("[\u0430-\u044f]+", 2, ["p.findall('\u041f\u0420\u0418\u0432\u0435\u0442')"]),
    ("i", 2, ["p.findall('iI\u0130\u0131')"]),
    ("x+", 2, ["p.findall('xXxy')"]),
    ("[x]+?", 2, ["p.findall('xXxy')"]),
    (b"abc", 2, ["p.match(b'ABC')", "p.match(b'\\xc1BC')"]),
    (b"[a-z]+", 2, ["p.findall(b'HeLLo')"]),
    ("[^x]", 2, ["p.findall('xXy')"]),
    ("\u00df", 2, ["p.findall('\u00df\u1e9e')"]),
])

CASES["flags"] = ("MULTILINE, DOTALL, VERBOSE, ASCII and Pattern repr/flags", [
    ("^\\w+$", 8, ["p.findall('one\\ntwo\\nthree')", "p", "p.flags"]),
    (".+", 16, ["p.findall('a\\nb')", "p"]),
    (" a  b # comment\n c", 64, m("abc") + ["p", "p.flags"]),
    ("\\w", 256, ["p", "p.flags"]),
    ("x", 2 | 8 | 16, ["p"]),
    (b"x", 0, ["p", "p.flags"]),
    (b"x", 2, ["p"]),
    ("a" * 250, 0, ["p"]),
    ("it's", 0, ["p"]),
])

CASES["sub"] = ("sub and subn with literal replacements and callables", [
    ("a", 0, ["p.sub('b', 'banana')", "p.subn('b', 'banana')", "p.sub('b', 'banana', 2)",
               "p.sub('b', 'banana', count=1)", "p.sub('', 'banana')", "p.sub('x', '')"]),
    ("(a)(n)?", 0, ["p.sub(lambda m: m.group(1).upper(), 'banana')",
                    "p.sub(lambda m: str(m.groups()), 'banana')",
                    "p.sub(lambda m: None, 'banana')",
                    "p.subn(lambda m: '<' + m.group() + '>', 'banana')"]),
    ("x*", 0, ["p.sub('-', 'abc')", "p.subn('-', 'abxxc')"]),
    ("", 0, ["p.sub('-', 'abc')"]),
    (b"o", 0, ["p.sub(b'0', b'foo boo')", "p.sub(lambda m: b'[' + m.group() + b']', b'foo')",
               "p.sub(b'0', bytearray(b'foo'))", "p.sub(b'0', memoryview(b'foo'))"]),
    ("o", 0, ["p.sub(lambda m: 1, 'foo')"]),
    ("\\d", 0, ["p.sub('#', 'a1b22')", "p.subn('#', 'a1b22', 0)"]),
])

CASES["split_findall"] = ("split and findall with and without groups", [
    (",", 0, ["p.split('a,b,,c')", "p.split('a,b,c', 1)", "p.split('a,b,c', maxsplit=-1)", "p.split('')"]),
    ("(,)", 0, ["p.split('a,b')"]),
    ("(,)|(;)", 0, ["p.split('a,b;c')"]),
    ("\\b", 0, ["p.split('ab cd')"]),
    ("x*", 0, ["p.split('axbc')", "p.findall('axbc')"]),
    ("(a)(b)?", 0, ["p.findall('abaab')"]),
    ("(a)", 0, ["p.findall('banana')"]),
    ("(a)|b", 0, ["p.findall('ab')"]),
    ("\\w+", 0, ["p.findall('one two three', 4)", "p.findall('one two three', 0, 7)",
                 "p.findall('one two three', pos=4, endpos=9)", "p.findall('abc', 5)", "p.findall('abc', -5, -1)"]),
    (b"[,;]", 0, ["p.split(b'a,b;c')", "p.split(bytearray(b'a,b'))"]),
])

CASES["match_objects"] = ("Match reprs, string/re/pos/endpos, copies", [
    ("b+", 0, ["p.search('abbbc')", "p.search('abbbc').string", "p.search('abbbc').re",
               "p.search('abbbc', 1, 3)", "p.search('abbbc', 1, 3).pos", "p.search('abbbc', 1, 3).endpos",
               "p.search('abbbc').__copy__() is not None", "p.search('x' + 'b' * 100)",
               "p.search('abbbc').expand", "bool(p.search('abbbc'))", "type(p.search('b')).__name__",
               "type(p.search('b')).__module__", "type(p).__name__", "type(p).__qualname__", "type(p).__module__"]),
    (b"b+", 0, ["p.search(b'abbbc')", "p.search(bytearray(b'abbc'))", "p.search(bytearray(b'abbc')).group()",
                "p.search(memoryview(b'abbc')).span()"]),
    ("\u00e9+", 0, ["p.search('caf\u00e9\u00e9!')", "p.search('caf\u00e9\u00e9!').span()"]),
    ("x", 0, ["p.match('x') == p.match('x')", "p == p", "hash(p) == hash(p)",
              "p.__copy__() is p", "p.__deepcopy__({}) is p",
              "__import__('_weakref').ref(p)() is p.__copy__()", "p.match('x').__deepcopy__({}).span()"]),
])

CASES["scanner"] = ("scanner and finditer", [
    ("\\d+", 0, ["[m.group() for m in p.finditer('a1b22c333')]",
                 "[m.span() for m in p.finditer('a1b22c333', 2, 7)]",
                 "type(p.finditer('1')).__name__",
                 "p.scanner('12 34').search().group()",
                 "p.scanner('12 34').match().group()",
                 "p.scanner('x12').match()",
                 "type(p.scanner('')).__name__",
                 "p.scanner('').pattern is p"]),
    ("", 0, ["[m.span() for m in p.finditer('abc')]"]),
    ("a*", 0, ["[m.span() for m in p.finditer('baaac')]"]),
])

CASES["errors"] = ("type errors, argument errors and mixing str with bytes", [
    ("a", 0, ["p.match(b'a')", "p.search(1)", "p.findall(None)", "p.match()", "p.match('a', 'x')",
              "p.match('a', 1.0)", "p.match('a', pos=0, bogus=1)", "p.match('a', 0, 1, 2)",
              "p.sub(b'x', 'a')", "p.sub('x', b'a')", "p.split(b'a')", "p.match(string='a')",
              "p.match('a', endpos=0)", "p.match('a', 0, -5)", "p.match('abc', 2, 1)",
              "p.search('abc', 2, 1)", "p.findall('abc', 2, 1)", "p.match('a').group(1)",
              "p.match('a').start(2)", "p.match('a').span('x')", "p.match('a').groups(1, 2)"]),
    (b"a", 0, ["p.match('a')", "p.search(bytearray(b'a'))", "p.sub('x', b'a')", "p.findall(memoryview(b'aa'))"]),
])

CASES["groupindex"] = ("Pattern.groupindex is a read-only mappingproxy", [
    ("(?P<a>x)(?P<b>y)", 0, ["p.groupindex", "type(p.groupindex).__name__", "p.groupindex['b']"]),
    ("(x)", 0, ["p.groupindex"]),
])

CASES["module"] = ("module constants and helper functions", [
    ("", 0, ["_sre.MAGIC", "_sre.CODESIZE", "_sre.getcodesize()", "_sre.MAXGROUPS > 0",
             "_sre.ascii_iscased(ord('a'))", "_sre.ascii_iscased(ord('1'))", "_sre.ascii_iscased(0xe9)",
             "_sre.unicode_iscased(0xe9)", "_sre.unicode_iscased(ord('1'))", "_sre.unicode_iscased(0x4e00)",
             "_sre.ascii_tolower(ord('A'))", "_sre.ascii_tolower(0xc9)", "_sre.unicode_tolower(0xc9)",
             "_sre.unicode_tolower(0x130)", "_sre.unicode_tolower(0x212a)", "_sre.unicode_tolower(0x1e9e)",
             "_sre.unicode_tolower('a')", "_sre.compile('a', 0, [1, 2, 3], 0, {}, ())",
             "_sre.compile('a', 0, [], 0, {}, ())", "_sre.compile('a', 0, (1,), 0, {}, ())",
             "_sre.compile(1, 0, [1], 0, {}, ())", "_sre.compile(None, 0, [16, 97, 1], 0, {}, ()).match('a')",
             "_sre.compile(None, 0, [16, 97, 1], 0, {}, ()).match(b'a')",
             "_sre.compile('a', 0, [16, 97, 1], 0, {}, ()).pattern",
             "_sre.template('x', ['a', 1, 'b'])", "_sre.template('x', ['a', -1, 'b'])",
             "_sre.template('x', ['a', 1])", "_sre.template('x', ('a',))",
             "type(_sre.template('x', ['a'])).__name__"]),
])

CASES["catastrophic"] = ("deep and long matches stay on the heap", [
    ("(?:a|b)*c", 0, ["p.match('ab' * 5000 + 'c').end()"]),
    ("(a|b)*c", 0, ["p.match('ab' * 5000 + 'c').span(1)"]),
    ("(?:a*?b)+c", 0, ["p.match('aab' * 3000 + 'c').end()"]),
    ("((((((((((a))))))))))*", 0, ["p.match('a' * 10000).end()"]),
    ("(?:(?:(?:(?:x)*)*)*)*y", 0, ["p.match('x' * 2000 + 'y').end()"]),
    ("(a+)+b", 0, ["p.match('a' * 12)"]),
    ("(?:.*,){3}x", 0, ["p.match('a,' * 20)"]),
])


CORPUS = [
    (r"(a+)(b*)c", ["aaabbc", "ac", "abc abc", "bc"]),
    (r"(?:(\d+)-)?(\d+)", ["12-34", "56", "x-7"]),
    (r"([a-z]+)@([a-z]+)\.com", ["joe@ex.com, ann@b.com", "no"]),
    (r"(?i)(hello|hi) (there|world)", ["HELLO World", "hi THERE hi you"]),
    (r"^(\w+)\s*=\s*(.*?)\s*$", ["key = value  ", "x=", "=y"]),
    (r"(\d{1,3})(?:,(\d{3}))*", ["1,234,567", "12", ",5"]),
    (r"(.)(?!\1)", ["aabbc", "abab"]),
    (r"(?<=\d)(?=(\d{3})+$)", ["1234567", "12"]),
    (r"(a|b|c)+?d", ["abcd", "cbad", "d"]),
    (r"(x)?(?(1)y|z)+", ["xyyzz", "zzz", "xz"]),
    (r"((?:ab)+?)(ab)*", ["ababab", "ab"]),
    (r"(?s)<(\w+)>.*?</\1>", ["<a>x\ny</a><b>z</b>", "<a>x</b>"]),
    (r"\b(\w)(\w*)\b", ["the quick brown", "a"]),
    (r"[^\W\d_]+", ["abc_123def", "___"]),
    (r"(?m)^(\s*)#(.*)$", ["code\n  # comment\n#x", "none"]),
    (r"(?x) (\d+) \s* (?: [+] \s* (\d+) )?", ["1 + 2", "3", "+4"]),
    (r"(a*)*?b", ["aab", "b", "aaa"]),
    (r"(a*?)+b", ["aab", "b"]),
    (r"(?:a{2}|b{3})+", ["aabbbaa", "ab"]),
    (r"a{2,}?b{,2}", ["aaaabbb", "ab"]),
    (r"(?P<word>\w+)\s+(?P=word)", ["the the cat", "a b"]),
    (r"[\u00e0-\u00ff]+", ["caf\u00e9 na\u00efve", "abc"]),
    (r"(?i)[\u00e0-\u00ff]+", ["CAF\u00c9 NA\u00cfVE"]),
    (r"\S+@\S+", ["mail me@here.org now", "@"]),
    (r"(\()?\d+(?(1)\))", ["(12) 34 (56", "7)"]),
    (r"(?=a)a|b", ["ab", "c"]),
    (r"(?!a)\w", ["abc"]),
    (r"(?<!a)b", ["ab cb b"]),
    (r"(?<=(?<!x)a)b", ["ab xab"]),
    (r"(a)(?=(b))\2?", ["ab", "a"]),
    (r".*?(\d+)$", ["abc123", "123x"]),
    (r"(?:\w+\s){2}\w+", ["one two three four", "a b"]),
    (r"\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", ["1.5e10 2 3.14 5E-3"]),
    (r"'(?:[^'\\]|\\.)*'", [r"'a\'b' 'c'", "'open"]),
    (r"(?:(a)|(b))+", ["abba", "ba"]),
    (r"(a)|(b)|(c)", ["cab"]),
    (r"((a)(b)?)+", ["aab", "aba"]),
    (r"(?:x(y)?)+", ["xyx", "xxy"]),
    (r"(a+)+?", ["aaa"]),
    (r"(a++)b", ["aab", "aa"]),
    (r"(?>(\w+))\d", ["abc1", "abc"]),
    (r"[a-c]*+c", ["abc"]),
    (r"(?:ab|a)*+b", ["abab", "aab"]),
    (r"\Z|\A", ["abc", ""]),
    (r"(?m)$", ["a\nb\n"]),
    (r"(?m)^$", ["a\n\nb\n"]),
    (r"\B", ["ab c"]),
    (r"", ["ab"]),
    (r"|a", ["aa"]),
    (r"a|", ["aa"]),
    (r"(|a)+", ["aa"]),
    (r"(a|)+b", ["aab"]),
    (r"(?:)*x", ["x"]),
    (r"[\s\S]{3}", ["ab\ncd"]),
    (r"[^\n]+", ["ab\ncd"]),
    (r"\x41\u0042\U00000043\101\0", ["ABCA\x00"]),
    (r"[\x00-\x1f\x7f]", ["a\tb\x7f"]),
    (r"(?u)\w\W", ["\u00e9!", "a "]),
    (r"(?i)\u0130|\u0131", ["i I \u0130 \u0131"]),
    (r"(?i)[k-l]+", ["KkL\u212a"]),
    (r"(?i)[^k]", ["k\u212aKx"]),
]

CASES["corpus"] = ("a corpus of patterns: search, findall, sub, split on several subjects", [
    (pattern, 0, [f"p.search({t!r}) and (p.search({t!r}).span(), p.search({t!r}).groups())" for t in subjects]
     + [f"p.findall({t!r})" for t in subjects] + [f"p.sub('#', {t!r})" for t in subjects]
     + [f"p.split({t!r})" for t in subjects[:1]])
    for pattern, subjects in CORPUS
])

for name, (doc, entries) in CASES.items():
    write_case(name, entries, doc)
print(len(CASES), "cases written")
