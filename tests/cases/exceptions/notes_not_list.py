e = ValueError("x")
e.__notes__ = "not a list"
try:
    e.add_note("y")
except TypeError as t: print(t)
e.__notes__ = ["a", 1]
raise e
