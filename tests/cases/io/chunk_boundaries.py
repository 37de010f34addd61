# Text reading with a tiny chunk size: \r\n and multi-byte characters split across
# chunks, and tell/seek between lines.
path = '/tmp/pyrite_case_chunks'
with open(path, 'wb') as f:
    f.write('ab\r\ncé\r\n€x\ry\n'.encode())
for newline in [None, '']:
    with open(path, newline=newline, encoding='utf-8') as f:
        f._CHUNK_SIZE = 3
        lines = []
        positions = []
        while True:
            positions.append(f.tell())
            line = f.readline()
            if not line:
                break
            lines.append(line)
        # CPython packs the decoder state into some positions: print the plain ones.
        print(repr(newline), lines, positions[:3], positions[-1], f.newlines)
        for position, line in zip(positions, lines):
            f.seek(position)
            assert f.readline() == line, (position, line)
        print('seek back ok')
with open(path, encoding='utf-8') as f:
    f._CHUNK_SIZE = 2
    print(repr(f.read(3)), repr(f.read(3)), repr(f.read()))
import os
os.remove(path)
