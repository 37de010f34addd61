# shutil over posix: copyfile, copy, copytree, move, rmtree, which, disk paths.
import os
import shutil
import stat

base = '/tmp/pyrite_shutil_%d' % os.getpid()
os.mkdir(base)
try:
    src = os.path.join(base, 'src')
    os.makedirs(os.path.join(src, 'sub', 'deeper'))
    with open(os.path.join(src, 'a.txt'), 'w') as f:
        f.write('alpha')
    with open(os.path.join(src, 'sub', 'b.bin'), 'wb') as f:
        f.write(bytes(range(256)) * 40)
    os.symlink('a.txt', os.path.join(src, 'link'))
    print(shutil.copyfile(os.path.join(src, 'a.txt'), os.path.join(base, 'copy.txt')) == os.path.join(base, 'copy.txt'))
    with open(os.path.join(base, 'copy.txt')) as f:
        print(f.read())
    os.chmod(os.path.join(src, 'a.txt'), 0o640)
    shutil.copy(os.path.join(src, 'a.txt'), os.path.join(base, 'copy2.txt'))
    print(oct(stat.S_IMODE(os.stat(os.path.join(base, 'copy2.txt')).st_mode)))
    shutil.copy2(os.path.join(src, 'a.txt'), os.path.join(base, 'copy3.txt'))
    print(os.stat(os.path.join(src, 'a.txt')).st_mtime_ns == os.stat(os.path.join(base, 'copy3.txt')).st_mtime_ns)
    dst = shutil.copytree(src, os.path.join(base, 'dst'), symlinks=True)
    for root, dirs, files in sorted(os.walk(dst)):
        dirs.sort()
        print(os.path.relpath(root, base), sorted(files))
    print(os.path.islink(os.path.join(dst, 'link')), os.readlink(os.path.join(dst, 'link')))
    print(os.path.getsize(os.path.join(dst, 'sub', 'b.bin')))
    try:
        shutil.copytree(src, dst)
    except FileExistsError as e:
        print('FileExistsError', e.strerror)
    shutil.move(os.path.join(base, 'copy.txt'), os.path.join(base, 'moved.txt'))
    print(sorted(os.listdir(base)))
    shutil.rmtree(dst)
    print(os.path.exists(dst))
    try:
        shutil.rmtree(os.path.join(base, 'missing'))
    except FileNotFoundError as e:
        print('FileNotFoundError', e.strerror)
    shutil.rmtree(os.path.join(base, 'missing'), ignore_errors=True)
    tool = os.path.join(base, 'mytool')
    with open(tool, 'w') as f:
        f.write('#!/bin/sh\n')
    os.chmod(tool, 0o755)
    print(shutil.which('mytool', path=base) == tool, shutil.which('nothere', path=base))
    print(shutil.which(tool) == tool)
    print(shutil.get_terminal_size((50, 20)).columns > 0)
finally:
    shutil.rmtree(base)
print(os.path.exists(base))
