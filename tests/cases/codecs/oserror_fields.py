# OSError's errno/strerror/filename/filename2 and the subclass errno selects.
import errno
for args in [(errno.ENOENT, 'x'), (errno.ENOENT, 'No such', 'f'), (errno.EPERM, 'msg', 'a', None, 'b'),
             ('a',), (), (errno.EACCES, 'x', 'f', None)]:
    o = OSError(*args)
    print(type(o).__name__, o.args[1:], o.strerror, o.filename, o.filename2)
b = BlockingIOError(errno.EAGAIN, 'x', 5)
print(b.characters_written, b.args[1:])
e = OSError(errno.ENOENT, 'x')
e.filename = 'q'
print(str(e).endswith("x: 'q'"))
print(OSError('a', 'b', 'c', 'd', 'e', 'f').args, OSError('a', 'b', 'c', 'd', 'e', 'f').errno)
print(hasattr(OSError(1, 'x', 'f'), 'characters_written'))
