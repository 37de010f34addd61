a = 1 << 2 << 3
b = 1 >> 2 << 3
c = a & b | c ^ d & e
d = ~a & ~b
e = a | b | c | d
