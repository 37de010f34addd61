import ast

def describe(node):
    match node:
        case ast.BinOp(ast.Constant(a), ast.Add(), ast.Constant(b)):
            return f"constant sum {a} + {b}"
        case ast.BinOp(left, op, right):
            return f"binop {type(op).__name__}"
        case ast.Call(ast.Name(id=name), args):
            return f"call {name} with {len(args)} args"
        case ast.Name(id):
            return f"name {id}"
        case ast.Constant(value=str() as text):
            return f"string {text!r}"
        case _:
            return "other"

for source in ["1 + 2", "a * b", "f(1, 2)", "x", "'s'", "[1]"]:
    print(source, "=>", describe(ast.parse(source, mode="eval").body))
print(ast.Call.__match_args__)
