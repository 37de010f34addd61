import reprlib, keyword
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100))
print(keyword.iskeyword("for"), keyword.iskeyword("x"), keyword.issoftkeyword("match"), len(keyword.kwlist) > 30)
class L(list):
    @reprlib.recursive_repr()
    def __repr__(self):
        return "L(" + ", ".join(map(repr, self)) + ")"
l = L([1]); l.append(l); print(l)
