import textwrap
print(textwrap.dedent("    a\n      b\n    c"))
print(textwrap.fill("The quick brown fox jumps over the lazy dog", width=15))
