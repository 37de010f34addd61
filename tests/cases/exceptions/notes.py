e = ValueError("v")
e.add_note("first")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(1)
except TypeError as t: print(t)
raise e
