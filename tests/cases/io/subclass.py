# Python subclasses of the io classes and the ABCs of io.py.
import io
class Upper(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def readinto(self, b):
        chunk = self.data[self.pos:self.pos + len(b)]
        b[:len(chunk)] = chunk
        self.pos += len(chunk)
        return len(chunk)
raw = Upper(b'one\ntwo\nthree')
print(raw.read(2), raw.readline(), raw.readall())
buffered = io.BufferedReader(Upper(b'x\ny\n'))
print(buffered.readlines())
text = io.TextIOWrapper(io.BufferedReader(Upper('é\nz'.encode())), encoding='utf-8')
print(text.readlines())
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase),
      issubclass(io.FileIO, io.RawIOBase), isinstance(raw, io.IOBase))
class Log(io.StringIO):
    def write(self, s):
        return super().write(s.upper())
log = Log()
print('hi', file=log)
print(repr(log.getvalue()))
class Closing(io.IOBase):
    def close(self):
        print('closing')
        super().close()
with Closing() as c:
    print(c.closed)
print(c.closed)
