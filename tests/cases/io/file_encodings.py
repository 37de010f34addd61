# Files in other encodings, with errors handlers, and BOMs.
path = '/tmp/pyrite_case_enc'
for encoding in ['utf-8', 'utf-8-sig', 'utf-16', 'utf-16-be', 'latin-1', 'cp1252', 'ascii']:
    with open(path, 'w', encoding=encoding, errors='replace') as f:
        f.write('h\xe9 \u20ac\n')
    with open(path, 'rb') as f:
        data = f.read()
    with open(path, encoding=encoding) as f:
        print(encoding, data, repr(f.read()), f.encoding)
with open(path, 'wb') as f:
    f.write(b'ok \xff end')
with open(path, encoding='utf-8', errors='surrogateescape') as f:
    text = f.read()
    print(ascii(text))
with open(path, 'w', encoding='utf-8', errors='surrogateescape') as f:
    f.write(text)
with open(path, 'rb') as f:
    print(f.read())
with open(path, encoding='utf-8') as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print(e)
import os
os.remove(path)
