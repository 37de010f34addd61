import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/support")
try:
    import bad_syntax
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.filename.rsplit("/", 1)[-1])
import bad_syntax
