import sys

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("  exit called", exc[0])
        return False

def run(func, jump_from, jump_to):
    base = func.__code__.co_firstlineno
    done = []
    def local(frame, event, arg):
        if event == "line" and frame.f_lineno == base + jump_from and not done:
            done.append(1)
            try:
                frame.f_lineno = base + jump_to
            except ValueError as e:
                print("  refused:", e)
        return local
    def tracer(frame, event, arg):
        return local if frame.f_code is func.__code__ else None
    out = []
    sys.settrace(tracer)
    try:
        func(out)
    except Exception as e:
        out.append(("raised", type(e).__name__))
    finally:
        sys.settrace(None)
    print(func.__name__, jump_from, jump_to, out)

def out_of_with(out):
    with CM():
        out.append(2)
        out.append(3)
    out.append(4)

def into_with(out):
    out.append(1)
    with CM():
        out.append(3)
    out.append(4)

def out_of_except(out):
    try:
        1 / 0
    except ZeroDivisionError:
        out.append(4)
        out.append(5)
    out.append(6)
    out.append(sys.exception() is None)

def into_try(out):
    out.append(1)
    try:
        out.append(3)
    finally:
        out.append(5)

def out_of_finally(out):
    try:
        out.append(2)
    finally:
        out.append(4)
        out.append(5)
    out.append(6)

def backwards_in_while(out):
    n = 0
    while n < 3:
        n += 1
        out.append(n)
    out.append("end")

def to_same_line(out):
    out.append(1)
    out.append(2)

run(out_of_with, 3, 5)
run(into_with, 1, 4)
run(out_of_except, 5, 7)
run(into_try, 1, 3)
run(out_of_finally, 4, 6)
run(backwards_in_while, 4, 2)
run(to_same_line, 2, 2)
