import ast
import copy

tree = ast.parse("x = f(1, y=2)")
clone = copy.deepcopy(tree)
print(ast.dump(clone, include_attributes=True) == ast.dump(tree, include_attributes=True))
print(clone.body[0] is not tree.body[0])
shallow = copy.copy(tree.body[0])
print(shallow.value is tree.body[0].value)
print(ast.Constant(1).__reduce__())
print(ast.Module([]).__reduce__())
print(ast.Load().__reduce__())

name = ast.Name("x", lineno=1, col_offset=0)
other = copy.replace(name, id="y")
print(ast.dump(other, include_attributes=True), other is name)
print(name.__replace__(ctx=ast.Store()).ctx)
for call in [
    lambda: name.__replace__(1),
    lambda: name.__replace__(foo=1),
    lambda: ast.Name.__new__(ast.Name).__replace__(),
    lambda: ast.Name.__new__(ast.Name).__replace__(ctx=ast.Load()),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(ast.dump(copy.replace(ast.Return(), value=ast.Constant(2))))
