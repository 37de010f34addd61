import io, tokenize

def show(data):
    print("---", repr(data))
    try:
        for tok in tokenize.tokenize(io.BytesIO(data).readline):
            print(tokenize.tok_name[tok.type], repr(tok.string), tok.start, tok.end, repr(tok.line))
    except Exception as e:
        print(type(e).__name__, e.args)

show(b"x = 1\n")
show(b"# -*- coding: latin-1 -*-\ns = '\xe9'\n")
show(b"\xef\xbb\xbfy = 2\n")
show("z = '\u00e9'\n".encode())
show(b"")
print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO("a = (1,\n  2)  # c\n").readline)))
