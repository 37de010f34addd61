# Writes oracle_dumps.txt: run from this folder as `cpython314 make_oracle_dumps.py > oracle_dumps.txt`.
import ast, sys
cases = []
import glob
for name in sorted(glob.glob('dump_sources/*.py')):
    cases.append((name, open(name).read(), 'exec', {}))
cases.append(('type_comments', open('dump_sources/typecomment.py').read(), 'exec', {'type_comments': True}))
cases.append(('eval', 'a if b else [c, *d]', 'eval', {}))
cases.append(('single', 'x = 1; y\n', 'single', {}))
cases.append(('func_type', '(int, *str) -> List[int]', 'func_type', {}))
cases.append(('empty', '', 'exec', {}))
cases.append(('unicode_cols', 'é = "日本" + ñ\nπ.x\n', 'exec', {}))
for name, src, mode, kw in cases:
    tree = ast.parse(src, mode=mode, **kw)
    print('=== ' + name)
    print(ast.dump(tree, include_attributes=True))
    print(ast.dump(tree))
    print(ast.dump(tree, annotate_fields=False))
    print(ast.dump(tree, show_empty=True))
    print(ast.dump(tree, indent=2))
    print('=== end indent')
    print(ast.dump(tree, indent='\t', include_attributes=True, show_empty=True))
    print('=== end indent')
