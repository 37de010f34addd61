import ast

for text in [
    "x", "f()", "1 + x", "[1, y]", "{**a}", "a.b", "'a' * 3", "2 ** 8", "-'a'", "1 +",
    "set([1])", "{1: 2, 3}", "lambda: 0", "1 + 'a'", "(1).real", "--1", "+-1",
]:
    try:
        print(repr(text), "->", repr(ast.literal_eval(text)))
    except (ValueError, SyntaxError, TypeError) as exc:
        print(repr(text), "!", type(exc).__name__, exc)
