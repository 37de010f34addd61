# glob and fnmatch over scandir.
import glob
import os

base = '/tmp/pyrite_glob_%d' % os.getpid()
os.makedirs(base + '/pkg/sub')
try:
    for name in ['a.py', 'b.py', 'c.txt', '.hidden.py', 'pkg/__init__.py', 'pkg/sub/d.py']:
        with open(os.path.join(base, name), 'w') as f:
            f.write('')
    rel = lambda paths: sorted(os.path.relpath(p, base) for p in paths)
    print(rel(glob.glob(base + '/*.py')))
    print(rel(glob.glob(base + '/**/*.py', recursive=True)))
    print(rel(glob.glob(base + '/*', include_hidden=True)))
    print(rel(glob.iglob(base + '/?.txt')))
    print(rel(glob.glob(base + '/[ab].py')))
    print(sorted(glob.glob('*.py', root_dir=base)))
    print(sorted(glob.glob('**/', root_dir=base, recursive=True)))
    print(glob.glob(base + '/nothing*'), glob.escape('a[b]*'))
    print(glob.has_magic('a*'), glob.has_magic('abc'))
finally:
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        os.rmdir(root)
print(os.path.exists(base))
