def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

ba = bytearray(b'hello')
ba[0] = 72
print(ba)
ba[1:3] = b'EY'
print(ba)
ba[1:3] = b''
print(ba)
ba[0:0] = [1, 2]
print(ba)
ba[::2] = b'xyz'
print(ba)
del ba[0]
print(ba)
del ba[::2]
print(ba)
def s1():
    ba[0] = 256
t(s1)
def s2():
    ba[10] = 1
t(s2)
def f():
    ba[::2] = b'abcdef'
t(f)
def g():
    ba[0:1] = 5
t(g)
def h():
    ba[0] = b'a'
t(h)
