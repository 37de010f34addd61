import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

fr = sys._getframe()
print(fr.f_trace, fr.f_trace_lines, fr.f_trace_opcodes)
fr.f_trace_lines = False
fr.f_trace_opcodes = True
print(fr.f_trace_lines, fr.f_trace_opcodes)
attempt("f_trace_lines = 1", lambda: setattr(fr, "f_trace_lines", 1))
attempt("f_trace_opcodes = None", lambda: setattr(fr, "f_trace_opcodes", None))
attempt("del f_trace_lines", lambda: delattr(fr, "f_trace_lines"))
attempt("f_trace = 5", lambda: setattr(fr, "f_trace", 5))
print(fr.f_trace)
attempt("del f_trace", lambda: delattr(fr, "f_trace"))
print(fr.f_trace)
fr.f_trace_lines = True
fr.f_trace_opcodes = False
print(fr.f_trace_lines, fr.f_trace_opcodes)
