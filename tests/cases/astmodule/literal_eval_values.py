import ast

for text in [
    "1", "-2", "+3.5", "1+2j", "3-4j", "'text'", "b'bytes'", "True", "None",
    "(1, 2)", "[1, [2, 3]]", "{1: 'a', 'b': (2,)}", "{1, 2}", "set()", "()", "[]", "{}",
    " 42", "\t7", "-0.0", "0x10", "1_000_000", "'a' 'b'", "...",
]:
    print(repr(text), "->", repr(ast.literal_eval(text)))
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(5)))
