a | b
a ^ b
a & b
a << b
a >> b
a | b ^ c & d << e >> f
~a
(a | b) & c
a << b << c
