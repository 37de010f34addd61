# pathlib over posix: write/read, iterdir, glob, stat, exists, mkdir, unlink, rename.
import os
from pathlib import Path, PurePosixPath

base = Path('/tmp') / ('pyrite_pathlib_%d' % os.getpid())
base.mkdir()
try:
    (base / 'one.txt').write_text('first\nsecond\n')
    (base / 'two.py').write_bytes(b'print(2)\n')
    (base / 'nested' / 'deep').mkdir(parents=True)
    (base / 'nested' / 'deep' / 'three.txt').write_text('3')
    print((base / 'one.txt').read_text().splitlines())
    print((base / 'two.py').read_bytes())
    print(sorted(p.name for p in base.iterdir()))
    print(sorted(p.relative_to(base).as_posix() for p in base.glob('*.txt')))
    print((base / 'one.txt').stat().st_size, (base / 'one.txt').exists(), (base / 'nope').exists())
    print((base / 'nested').is_dir(), (base / 'one.txt').is_file(), (base / 'one.txt').is_symlink())
    try:
        (base / 'nested').mkdir()
    except FileExistsError as e:
        print('FileExistsError', e.strerror)
    (base / 'nested').mkdir(exist_ok=True)
    target = (base / 'one.txt').rename(base / 'renamed.txt')
    print(target.name, target.exists(), (base / 'one.txt').exists())
    (base / 'link').symlink_to('renamed.txt')
    print((base / 'link').is_symlink(), (base / 'link').readlink(), (base / 'link').resolve() == (base / 'renamed.txt').resolve())
    (base / 'link').unlink()
    (base / 'renamed.txt').unlink()
    (base / 'renamed.txt').unlink(missing_ok=True)
    try:
        (base / 'renamed.txt').unlink()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.strerror)
    with (base / 'two.py').open('a') as f:
        f.write('# tail\n')
    print((base / 'two.py').read_text())
    (base / 'two.py').touch()
    print(sorted(os.listdir(base)))
    print(PurePosixPath('/a/b/c.tar.gz').suffixes, Path('x/y').with_suffix('.z'))
    print(Path.cwd() == Path(os.getcwd()), Path('~').expanduser().is_absolute())
finally:
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        os.rmdir(root)
print(base.exists())
