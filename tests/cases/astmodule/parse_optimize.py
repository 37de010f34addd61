import ast

for source in ["1 + 2", "x = -(3)", "(1, 2) + (3,)", "'a' * 3", "not (a in b)", "__debug__", "f'{1}'", "[1, 2][0]"]:
    print(ast.dump(ast.parse(source, optimize=1)))
print(ast.dump(compile("1 + 2 * 3", "<s>", "eval", ast.PyCF_OPTIMIZED_AST)))
