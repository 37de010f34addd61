import ast
L = dict(lineno=1, col_offset=0)
class S(str): pass
class I(int): pass
class Boom(ast.Name):
    def __getattribute__(self, name):
        if name == "id":
            raise KeyError("boom")
        return super().__getattribute__(name)
def attempt(make, mode="eval"):
    try:
        r = compile(make(), "<t>", mode)
        print("ok", eval(r) if mode == "eval" else "")
    except Exception as e:
        print(type(e).__name__ + ":", e)
attempt(lambda: ast.Expression(ast.Name(S("len"), ast.Load(), **L)))
attempt(lambda: ast.Expression(ast.Constant(I(5), lineno=I(1), col_offset=True)))
attempt(lambda: ast.Expression(Boom("x", ast.Load(), **L)))
attempt(lambda: ast.Expression(ast.Constant(2**100, **L)))
attempt(lambda: ast.Expression(ast.Constant(b"\xff", **L)))
attempt(lambda: ast.Expression(ast.Constant(1.5+2j, **L)))
attempt(lambda: ast.Expression(ast.Constant(..., **L)))
attempt(lambda: ast.Expression(ast.Name("x", ast.Load(), lineno=-5, col_offset=-1)))
attempt(lambda: ast.Expression(ast.Name("x", ast.Load(), lineno=2**31, col_offset=0)))
attempt(lambda: ast.Expression(ast.Name("\udcff", ast.Load(), **L)))
attempt(lambda: ast.Module([ast.Expr(ast.Name("", ast.Load(), **L), **L)]), "exec")
attempt(lambda: ast.Module([ast.Global(["", "x y"], **L)]), "exec")
attempt(lambda: ast.Module([ast.FunctionDef("f", ast.arguments(), [ast.Return(ast.Name("x", **L), **L)], **L)], []), "exec")
t = ast.parse("x = 1")
t.body.append(t.body)
attempt(lambda: t, "exec")
attempt(lambda: ast.Expression(ast.FormattedValue(ast.Constant(1, **L), 120, None, **L)), "eval")
attempt(lambda: ast.Expression(ast.JoinedStr([ast.FormattedValue(ast.Constant(1, **L), 120, None, **L)], **L)), "eval")
attempt(lambda: ast.Expression(ast.JoinedStr([ast.Constant(1, **L)], **L)), "eval")
attempt(lambda: ast.Expression(ast.Starred(ast.Name("x", **L), ast.Load(), **L)), "eval")
attempt(lambda: ast.Module([ast.Return(None, **L)]), "exec")
attempt(lambda: ast.Module([ast.Break(**L)]), "exec")
attempt(lambda: ast.Expression(ast.Await(ast.Constant(1, **L), **L)), "eval")
