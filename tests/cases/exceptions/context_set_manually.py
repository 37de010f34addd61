e = ValueError()
e.__context__ = KeyError()
print(repr(e.__context__))
try:
    e.__context__ = 1
except TypeError as t: print(t)
try:
    e.__cause__ = "x"
except TypeError as t: print(t)
e.__cause__ = None
print(e.__suppress_context__)
