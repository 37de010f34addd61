def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(b'ab' + b'cd', b'ab' + bytearray(b'c'), bytearray(b'a') + b'b', b'ab' * 2, 2 * b'ab', b'x' * 0)
t(lambda: b'a' + 'b')
t(lambda: bytearray(b'a') + 'b')
t(lambda: b'a' * 'b')
x = b'a'
x += b'b'
print(x)
ba = bytearray(b'a')
alias = ba
ba += b'bc'
ba *= 2
print(ba, alias is ba)
