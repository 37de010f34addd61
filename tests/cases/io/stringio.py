# io.StringIO: reading, writing, seeking, newline modes, errors.
import io
s = io.StringIO('abc\ndef\nghi')
print(s.read(2), s.tell(), s.readline(), s.readlines())
print(s.seek(1), s.write('XY'), s.getvalue())
print(s.seek(0, 2), s.write('!'), s.getvalue())
s.seek(20)
s.write('z')
print(repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
for newline in [None, '', '\n', '\r', '\r\n']:
    t = io.StringIO('a\nb\r\nc\rd', newline=newline)
    print(repr(newline), t.readlines(), repr(t.getvalue()), t.newlines)
for bad in [lambda: io.StringIO(1), lambda: io.StringIO('', newline='x'), lambda: s.write(b'x'),
            lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: s.seek(1, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(s.readable(), s.writable(), s.seekable(), s.closed, s.line_buffering)
with io.StringIO('x\ny') as u:
    print(list(u))
print(u.closed)
try:
    u.getvalue()
except ValueError as e:
    print(e)
