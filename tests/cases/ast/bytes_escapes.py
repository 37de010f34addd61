a = b'\x00\xff\n\t\\\''
b = b'\101\7\377'
c = b'abc\
def'
d = rb'\x00'
e = b''
f = b'\a\b\f\v\r\0'
