import ast
import pickle

tree = ast.parse("x = f(1, y=2)")
restored = pickle.loads(pickle.dumps(tree))
print(ast.dump(restored, include_attributes=True) == ast.dump(tree, include_attributes=True))
print(type(restored.body[0].targets[0].ctx).__name__)
