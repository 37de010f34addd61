a = b'a' B'b' br'c' Rb'd' rB'e' BR'f'
b = (b'x'
     b'y')
