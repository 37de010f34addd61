import ast

source = "value = compute(alpha,\n                beta) + 1\n"
tree = ast.parse(source)
for node in ast.walk(tree):
    if hasattr(node, "lineno"):
        print(type(node).__name__, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset,
              repr(ast.get_source_segment(source, node)))
