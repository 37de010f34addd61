import ast

source = "-" * 800 + "1"
tree = ast.parse(source, mode="eval")
depth = 0
node = tree.body
while isinstance(node, ast.UnaryOp):
    depth += 1
    node = node.operand
print(depth, eval(compile(tree, "<deep>", "eval")))

expr = ast.Constant(2)
for _ in range(500):
    expr = ast.BinOp(expr, ast.Add(), ast.Constant(1))
tree = ast.fix_missing_locations(ast.Expression(expr))
print(eval(compile(tree, "<built>", "eval")))
small = ast.Constant(0)
for _ in range(50):
    small = ast.BinOp(small, ast.Add(), ast.Constant(1))
print(len(ast.unparse(small)))
