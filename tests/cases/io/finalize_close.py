# A file object that goes away unclosed is flushed and closed by its finalizer.
path = '/tmp/pyrite_case_finalize'
def write():
    f = open(path, 'w')
    f.write('written without close\n')
write()
with open(path) as f:
    print(f.read(), end='')
class Tracked:
    pass
import io
class Noisy(io.StringIO):
    def close(self):
        print('closing', self.getvalue())
        super().close()
n = Noisy('x')
del n
print('after del')
import os
os.remove(path)
