import io, tokenize
def show(src):
    print("---", repr(src))
    try:
        for tok in tokenize.generate_tokens(io.StringIO(src).readline):
            print(tokenize.tok_name[tok.exact_type], repr(tok.string), tok.start, tok.end)
    except Exception as e:
        print(type(e).__name__, e.args)
for s in ["x = (1,", "x = (1,\n  22", "x = (1,\n  22\n", "x = [1,\n  é", "f'{x", "f'{x\n", "x = 1\ny = '\0'\n", "if x:\n  y\nz = '\0'\n", "x = (\n1\0\n", "x = 1\ny = 2\0", "\0"]:
    show(s)
