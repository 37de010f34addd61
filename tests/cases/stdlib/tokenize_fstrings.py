import io, tokenize

def show(src):
    print("---", repr(src))
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        print(tokenize.tok_name[tok.type], tokenize.tok_name[tok.exact_type], repr(tok.string), tok.start, tok.end, repr(tok.line))

for src in [
    "f'hello'\n",
    "f'a{x}b'\n",
    "f\"{x!r:>10}\"\n",
    "f'{x=}'\n",
    "f'a{{b}}c'\n",
    "f'{a:{b}.{c}f}'\n",
    "f'''multi\n{x}\nline'''\n",
    "rf'raw{x}\\d'\n",
    "f'{f\"{y}\"}'\n",
    "t'temp{x}late'\n",
    "x = f'{1 + 2}' + 'z'\n",
    "f''\n",
    "f'\u00e9{\u00e9}\u00e9'\n",
]:
    show(src)
