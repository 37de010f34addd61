import ast
import warnings

warnings.simplefilter("ignore")
print(ast.Index(ast.Constant(1)).value if False else ast.dump(ast.Index(ast.Constant(1))))
print(ast.dump(ast.ExtSlice([ast.Slice(), ast.Constant(1)])))
print(ast.Suite, ast.AugLoad, ast.AugStore, ast.Param)
print(isinstance(ast.AugLoad(), ast.expr_context))
print(ast.slice)
print(hasattr(ast, "Num"), hasattr(ast, "Str"))
