a = 1 .real
b = 1.0.imag
c = 0x10.real
d = 1j.imag
e = (1).bit_length()
f = 1_0 .real
g = 1e5.real
