# Writing and reading a text file: reprs, counts, lines, iteration.
path = '/tmp/pyrite_case_text'
with open(path, 'w') as f:
    print(f)
    print(f.write('hello\n'), f.write('wörld\n'), f.write('end'))
    print(f.writable(), f.readable(), f.seekable(), f.encoding, f.errors, f.line_buffering)
    print(f.closed)
print(f.closed)
with open(path) as f:
    print(f.readline(), end='')
    print(f.readlines())
with open(path, encoding='utf-8') as f:
    print(f)
    for line in f:
        print(repr(line))
with open(path, 'a') as f:
    f.write('\nmore')
with open(path) as f:
    print(repr(f.read()))
    print(repr(f.read()))
with open(path, 'r+') as f:
    print(repr(f.read(3)))
import os
os.remove(path)
