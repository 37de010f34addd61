# pathlib's recursive glob (rglob, '**' patterns).
import os
from pathlib import Path

base = Path('/tmp') / ('pyrite_rglob_%d' % os.getpid())
(base / 'a' / 'b').mkdir(parents=True)
try:
    for name in ['x.txt', 'a/y.txt', 'a/b/z.txt', 'a/b/w.py']:
        (base / name).write_text(name)
    print(sorted(p.relative_to(base).as_posix() for p in base.rglob('*.txt')))
    print(sorted(p.relative_to(base).as_posix() for p in base.glob('**/')))
    print(sorted(p.relative_to(base).as_posix() for p in base.glob('a/**/*.py')))
finally:
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        os.rmdir(root)
