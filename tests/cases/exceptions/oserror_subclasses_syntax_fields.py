import builtins
names = ["BlockingIOError", "BrokenPipeError", "BufferError", "ChildProcessError",
         "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError",
         "ConnectionResetError", "FileExistsError", "FileNotFoundError", "IndentationError",
         "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError",
         "ProcessLookupError", "PythonFinalizationError", "ReferenceError", "TabError",
         "TimeoutError"]
for name in names:
    cls = getattr(builtins, name)
    print(name, [c.__name__ for c in cls.__mro__[1:]])
print(IOError is OSError, EnvironmentError is OSError)
e = IndentationError("bad", ("f.py", 3, 4, "  x", 3, 5))
print(str(e), e.lineno, e.filename, e.msg, e.text, e.offset, e.end_lineno, e.end_offset)
s = SyntaxError()
print(s.msg, s.lineno, s.filename, s.text, s.print_file_and_line, s.args)
s = SyntaxError("only message")
print(s.msg, s.lineno, str(s))
s = SyntaxError("m", ("file", 1, 2, "t"))
print(s.end_lineno, s.end_offset, str(s))
for details in [("a", 1), ("a", 1, 2, 3, 4, 5, 6), ("a", 1, 2, 3, 4, 5, 6, 7)]:
    try:
        SyntaxError("m", details)
    except TypeError as e:
        print("TypeError:", e)
for source in ["if 1:\nx = 1\n", "if 1:\n\tx = 1\n        y = 2\n", "def f(:\n"]:
    try:
        compile(source, "s", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e, e.lineno, e.offset)
print(repr(PermissionError(13, "denied")), str(PermissionError(13, "denied")))
try:
    raise BrokenPipeError("pipe")
except ConnectionError as e:
    print("caught", type(e).__name__, e)
print(ReferenceError("x"), repr(BufferError()), TimeoutError("late").args)
