import _tokenize
lines = iter(["x = 1\n", "if x:\n", "  y\n"])
it = _tokenize.TokenizerIter(lambda: next(lines), extra_tokens=True)
print(type(it).__name__, type(it).__module__, iter(it) is it)
for t in it:
    print(t)
lines = iter(["x = (1 +\n", "2)\n"])
for t in _tokenize.TokenizerIter(lines.__next__, extra_tokens=False):
    print(t)
data = iter([b"s = '\xe9'\n"])
for t in _tokenize.TokenizerIter(data.__next__, extra_tokens=True, encoding="latin-1"):
    print(t)
try:
    _tokenize.TokenizerIter(lambda: "")
except TypeError as e:
    print("TypeError", e)
