import sys
def where():
    frame = sys._getframe(1)
    return frame.f_code.co_name, frame.f_lineno
def outer():
    x = 10
    return where()
print(where(), outer())
def show_stack():
    frame = sys._getframe()
    names = []
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return names
def a():
    return b()
def b():
    return show_stack()
print(a())
top = sys._getframe()
print(top.f_code.co_name, top.f_back, top.f_globals is globals(), top.f_locals is globals(), top.f_lineno)
print(sys._getframe() is sys._getframe())
def keep():
    return sys._getframe()
kept = keep()
print(kept.f_code.co_name, kept.f_lineno, kept.f_back.f_code.co_name)
code = outer.__code__
print(code.co_name, code.co_varnames, code.co_argcount, code.co_firstlineno, code.co_filename)
print(outer.__name__, outer.__qualname__, where.__code__.co_names)
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError:", e)
