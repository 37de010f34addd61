# Undecodable file names round-trip through surrogateescape; lone surrogates are refused.
import os

print(ascii(os.fsdecode(b'caf\xe9')), os.fsencode('caf\udce9'))
for call in [lambda: os.stat('\ud800'), lambda: os.listdir('x\udcff\ud801')]:
    try:
        call()
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError', e.reason, e.start)
base = '/tmp/pyrite_posix_enc_%d' % os.getpid()
os.mkdir(base)
try:
    name = 'na\u00efve-\u20ac.txt'
    with open(os.path.join(base, name), 'w') as f:
        f.write('x')
    print(ascii(os.listdir(base)), os.listdir(os.fsencode(base)))
    print([ascii(e.name) for e in os.scandir(base)], os.path.exists(os.path.join(base, name)))
    os.rename(os.path.join(base, name), os.path.join(base, 'plain'))
    print(os.listdir(base))
    os.unlink(os.path.join(base, 'plain'))
finally:
    os.rmdir(base)
