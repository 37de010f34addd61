import os, os.path
print(os.name, os.sep, os.curdir, os.pardir, os.linesep == "\n")
print(os.path.join("a", "b", "c.txt"), os.path.split("/x/y/z.py"), os.path.splitext("arch.tar.gz"))
print(os.path.basename("/p/q"), os.path.dirname("/p/q"), os.path.normpath("a//b/../c/."), os.path.isabs("/r"))
print(type(os.getcwd()).__name__, os.fspath("p"), os.fspath(b"p"), type(os.environ).__name__)
print(os.path.exists("/"), os.path.isdir("/"), os.path.exists("/no/such/path/here"))
base = "/tmp/pyrite_os_basics_case"
if os.path.isdir(base):
    for name in os.listdir(base):
        os.remove(os.path.join(base, name))
    os.rmdir(base)
os.mkdir(base)
fd = os.open(os.path.join(base, "f.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
print(os.write(fd, b"hello"))
os.close(fd)
fd = os.open(os.path.join(base, "f.txt"), os.O_RDONLY)
print(os.read(fd, 100)); os.close(fd)
print(os.listdir(base), os.stat(os.path.join(base, "f.txt")).st_size, os.path.getsize(os.path.join(base, "f.txt")))
with os.scandir(base) as entries:
    print([(e.name, e.is_file(), e.is_dir()) for e in entries])
print([(top.endswith("case"), dirs, files) for top, dirs, files in os.walk(base)])
os.rename(os.path.join(base, "f.txt"), os.path.join(base, "g.txt"))
print(os.listdir(base))
os.remove(os.path.join(base, "g.txt")); os.rmdir(base)
try:
    os.stat(base)
except FileNotFoundError as e:
    print("FileNotFoundError", e.args[1])
try:
    os.mkdir("/tmp")
except FileExistsError as e:
    print("FileExistsError")
