# scandir and os.DirEntry: types, stat, inode, symlinks, context manager, bytes, fd.
import os
import stat

base = '/tmp/pyrite_posix_scandir_%d' % os.getpid()
os.mkdir(base)
os.mkdir(base + '/dir')
with open(base + '/file', 'w') as f:
    f.write('12345')
os.symlink('file', base + '/link_file')
os.symlink('dir', base + '/link_dir')
os.symlink('missing', base + '/link_broken')
try:
    with os.scandir(base) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(e.name, e.path == base + '/' + e.name, e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False), e.is_junction())
    by_name = {e.name: e for e in entries}
    f = by_name['file']
    print(repr(f), os.fspath(f) == base + '/file', f.stat().st_size, f.inode() == os.stat(f).st_ino)
    print(by_name['link_file'].stat().st_size, stat.S_ISLNK(by_name['link_file'].stat(follow_symlinks=False).st_mode))
    try:
        by_name['link_broken'].stat()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.strerror, e.filename == base + '/link_broken')
    print(by_name['link_broken'].stat(follow_symlinks=False).st_size == len('missing'))
    print(type(f).__name__, type(f).__module__, os.DirEntry is type(f))
    try:
        os.DirEntry()
    except TypeError as e:
        print('TypeError', e)
    print(os.DirEntry[str])
    with os.scandir(os.fsencode(base)) as it:
        print(sorted(e.name for e in it)[:2], )
    it = os.scandir(base)
    first = next(it)
    it.close()
    print(list(it))
    dfd = os.open(base, os.O_RDONLY)
    with os.scandir(dfd) as it:
        fentries = sorted(it, key=lambda e: e.name)
    print([(e.name, e.path, e.is_dir()) for e in fentries][:2], fentries[1].stat().st_size)
    os.close(dfd)
    old = os.getcwd()
    os.chdir(base)
    with os.scandir() as it:
        print(sorted(e.path for e in it)[:2])
    os.chdir(old)
    try:
        os.scandir(base + '/nope')
    except FileNotFoundError as e:
        print('FileNotFoundError', e.strerror)
    top = next(os.walk(base))
    print(sorted(top[1]), sorted(top[2]))
finally:
    for name in ['link_broken', 'link_dir', 'link_file', 'file']:
        os.unlink(base + '/' + name)
    os.rmdir(base + '/dir')
    os.rmdir(base)
