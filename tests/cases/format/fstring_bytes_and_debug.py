def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

b = b'x\x00'
ba = bytearray(b'y')
print(f'{b}', f'{b!r}', f'{ba}', f'{b!a}', f'{b=}')
print(f'{"é"!a:>10}|', f'{3!r:>4}|', f'{"x"!s:*^5}')
