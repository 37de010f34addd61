import ast

source = """
def add(a, b):
    return a + b
total = 0
for i in range(5):
    total = add(total, i)
print("total", total)
"""

class AddToMult(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            return ast.copy_location(ast.BinOp(node.left, ast.Mult(), node.right), node)
        return node

class RenameCalls(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == "add":
            return ast.copy_location(ast.Name("mul", node.ctx), node)
        return node

tree = ast.parse(source)
exec(compile(tree, "<orig>", "exec"), {})
tree = AddToMult().visit(tree)
tree = RenameCalls().visit(tree)
ast.fix_missing_locations(tree)
print(ast.unparse(tree))
namespace = {}
exec(compile(tree, "<new>", "exec"), namespace)
print(sorted(k for k in namespace if not k.startswith("__")))

expr = ast.Expression(body=ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
ast.fix_missing_locations(expr)
print(eval(compile(expr, "<expr>", "eval")))

interactive = ast.parse("1 + 1", mode="single")
exec(compile(interactive, "<single>", "single"))
