import ast

source = """
import os
def f(x):
    y = x + 1
    return g(y)
class C:
    def m(self): return self.f(os.sep)
"""

class Collector(ast.NodeVisitor):
    def __init__(self):
        self.names = []
        self.calls = 0
    def visit_Name(self, node):
        self.names.append(node.id)
    def visit_Call(self, node):
        self.calls += 1
        self.generic_visit(node)

tree = ast.parse(source)
collector = Collector()
collector.visit(tree)
print(collector.names, collector.calls)
print(sorted({type(n).__name__ for n in ast.walk(tree)}))
print([type(n).__name__ for n in ast.iter_child_nodes(tree)])
print([name for name, value in ast.iter_fields(tree.body[1])])
tree2 = ast.parse("x = 1\ny = 2")
ast.increment_lineno(tree2, 10)
print([n.lineno for n in tree2.body])
print(ast.compare(ast.parse("a + 1"), ast.parse("a+1")), ast.compare(ast.parse("a"), ast.parse("b")))
