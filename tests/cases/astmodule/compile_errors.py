import ast

def attempt(tree, mode="exec"):
    try:
        compile(tree, "<t>", mode)
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

def parsed(source, change, mode="exec"):
    tree = ast.parse(source, mode=mode)
    change(tree)
    attempt(tree, mode)

attempt(ast.Module(body=[ast.Expr(ast.Name("x", ast.Load()))]))
attempt(ast.Module(body=ast.Pass()))
attempt(ast.Module(body=[ast.Name("x")]))
attempt(ast.Module(body=[ast.Expr(ast.Pass(), lineno=1, col_offset=0)]))
attempt(ast.Expression(body=ast.Constant([1, 2], lineno=1, col_offset=0)), "eval")
attempt(ast.Expression(body=ast.Name(1, ast.Load(), lineno=1, col_offset=0)), "eval")
attempt(ast.Expression(body=ast.Name("x", ast.Load(), lineno="1", col_offset=0)), "eval")
attempt(ast.Expression(body=ast.Name("x", ast.Load(), lineno=1, col_offset=0)), "exec")
attempt(ast.Expression(body=None), "eval")
parsed("x = 1", lambda t: setattr(t.body[0].targets[0], "ctx", ast.Load()))
parsed("x", lambda t: setattr(t.body[0].value, "ctx", ast.Store()))
parsed("if x: pass", lambda t: setattr(t.body[0], "body", []))
parsed("def f(): pass", lambda t: setattr(t.body[0], "body", []))
parsed("del x", lambda t: setattr(t.body[0], "targets", []))
parsed("x = 1", lambda t: setattr(t.body[0], "targets", []))
parsed("f(a)", lambda t: setattr(t.body[0].value.args[0], "ctx", ast.Del()))
parsed("x", lambda t: setattr(t.body[0].value, "id", "None"))
parsed("try: pass\nexcept: pass", lambda t: setattr(t.body[0], "handlers", []))
parsed("with a: pass", lambda t: setattr(t.body[0], "items", []))
parsed("a < b", lambda t: setattr(t.body[0].value, "ops", []))
parsed("a < b", lambda t: setattr(t.body[0].value, "comparators", []))
parsed("a and b", lambda t: setattr(t.body[0].value, "values", t.body[0].value.values[:1]))
parsed("{1: 2}", lambda t: setattr(t.body[0].value, "keys", []))
parsed("[x for x in y]", lambda t: setattr(t.body[0].value, "generators", []))
parsed("x = 1", lambda t: delattr(t.body[0], "lineno"))
parsed("x = 1", lambda t: setattr(t.body[0], "value", ast.Add()))
parsed("x = 1", lambda t: setattr(t.body[0], "value", None))
parsed("a + b", lambda t: setattr(t.body[0].value, "op", ast.And()))
parsed("import a", lambda t: setattr(t.body[0].names[0], "name", None))
