# readline(size), readlines(hint) and writelines on the stream kinds.
import io
path = '/tmp/pyrite_case_lines'
with open(path, 'w') as f:
    f.writelines(['alpha\n', 'beta\n', 'gamma\n'])
with open(path) as f:
    print(repr(f.readline(3)), repr(f.readline(10)), repr(f.readline(0)), f.readlines(2))
with open(path, 'rb') as f:
    print(f.readline(3), f.readline(), f.readlines(1), f.readlines())
for stream in [io.StringIO('alpha\nbeta\ngamma\n'), io.BytesIO(b'alpha\nbeta\ngamma\n')]:
    print(stream.readline(2), stream.readline(-1), stream.readlines(1), stream.readlines())
s = io.StringIO()
s.writelines(['a', 'b\n'])
print(repr(s.getvalue()))
try:
    s.writelines([1])
except TypeError as e:
    print(e)
import os
os.remove(path)
