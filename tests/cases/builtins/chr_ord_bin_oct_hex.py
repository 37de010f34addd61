print(chr(65), ord("A"), ord("€"), chr(0x20ac))
print(bin(10), oct(8), hex(255), bin(-3), hex(-255))
for bad in (-1, 0x110000):
    try:
        chr(bad)
    except ValueError as e:
        print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
