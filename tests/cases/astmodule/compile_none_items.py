import ast
L = dict(lineno=1, col_offset=0)
def attempt(make, mode="exec"):
    try:
        compile(make(), "<t>", mode); print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
attempt(lambda: ast.Expression(ast.Call(ast.Name("f", **L), [None], [], **L)), "eval")
attempt(lambda: ast.Module([ast.Delete([None], **L)]))
attempt(lambda: ast.Expression(ast.Dict([None], [None], **L)), "eval")
attempt(lambda: ast.Expression(ast.Lambda(None, ast.Constant(1, **L), **L)), "eval")
attempt(lambda: ast.Module([ast.FunctionDef("f", None, [ast.Pass(**L)], **L)]))
attempt(lambda: ast.Expression(ast.Lambda(ast.arguments(args=[None]), ast.Constant(1, **L), **L)), "eval")
attempt(lambda: ast.Module([ast.Import([None], **L)]))
attempt(lambda: ast.Expression(ast.Compare(ast.Name("a", **L), [None], [ast.Name("b", **L)], **L)), "eval")
attempt(lambda: ast.Module([ast.Match(ast.Name("x", **L), [ast.match_case(ast.MatchValue(ast.Name("y", **L), **L, end_lineno=1, end_col_offset=1), body=[ast.Pass(**L)])], **L)]))
attempt(lambda: ast.Module([ast.Match(ast.Name("x", **L), [ast.match_case(ast.MatchSingleton(5, **L, end_lineno=1, end_col_offset=1), body=[ast.Pass(**L)])], **L)]))
attempt(lambda: ast.Module([ast.Match(ast.Name("x", **L), [None], **L)]))
attempt(lambda: ast.Module([ast.With([ast.withitem(None)], [ast.Pass(**L)], **L)]))
attempt(lambda: ast.Expression(ast.Lambda(ast.arguments(defaults=[ast.Constant(1, **L)]), ast.Constant(1, **L), **L)), "eval")
attempt(lambda: ast.Expression(ast.Lambda(ast.arguments(kwonlyargs=[ast.arg("a", **L)]), ast.Constant(1, **L), **L)), "eval")
