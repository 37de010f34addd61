f"a{x!r:>{w}}b"
t"{y=}"
u"\u00e9\ud800"
b"\x00\x27"
x = 1.5j + 10**0 - 0x10000000000000000 if ... else True
