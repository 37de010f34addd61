import io, tokenize

def show(src):
    print("---", repr(src))
    try:
        for tok in tokenize.generate_tokens(io.StringIO(src).readline):
            print(tokenize.tok_name[tok.type], repr(tok.string), tok.start, tok.end)
    except Exception as e:
        print(type(e).__name__, e.args)

for src in [
    "'''unterminated\nstring\n",
    "if x:\n    y\n  z\n",
    "x = (1,\n",
    "x = 'abc\n",
    "x = 1_\n",
    "x = $\n",
    "if x:\n\ty\n        z\n",
    "x = )\n",
    "x = 0777\n",
    "f'{x'\n",
    "a \\ b\n",
]:
    show(src)
