# FileIO over descriptors: os.open, closefd, opener, fileno, repr by fd.
import io, os
path = '/tmp/pyrite_case_fd'
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
f = io.FileIO(fd, 'w', closefd=False)
print(f.name == fd, f.mode, f.closefd, f.fileno() == fd, f.write(b'data'))
f.close()
print(os.write(fd, b'+more'))
os.close(fd)
def opener(name, flags):
    print('opener called', name, flags & (os.O_WRONLY | os.O_RDWR) == 0)
    return os.open(name, flags)
with open(path, 'rb', opener=opener) as g:
    print(g.read())
try:
    io.FileIO(path, closefd=False)
except ValueError as e:
    print(e)
try:
    io.FileIO(-1)
except ValueError as e:
    print(e)
try:
    io.FileIO(path, 'rw')
except ValueError as e:
    print(e)
r = io.FileIO(path)
print(r.read(3), r.readall(), r.read(), r.seekable(), r.tell())
r.close()
os.remove(path)
