# Operations on closed files and on the wrong direction raise CPython's errors.
import io
path = '/tmp/pyrite_case_closed'
f = open(path, 'w')
f.close()
for op in [lambda: f.write('a'), lambda: f.read(), f.flush, f.tell, f.readline,
           lambda: next(f), lambda: f.seek(0), f.fileno, f.isatty, lambda: iter(f), f.__enter__]:
    try:
        op()
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
b = open(path, 'rb')
b.close()
for op in [b.read, b.tell, b.flush, b.peek, b.readline, lambda: b.seek(0)]:
    try:
        op()
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
g = open(path)
for op in [lambda: g.write('a'), lambda: g.buffer.write(b'a'), lambda: g.buffer.raw.write(b'a')]:
    try:
        op()
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
g.close()
print(io.UnsupportedOperation.__mro__, io.UnsupportedOperation.__module__)
import os
os.remove(path)
