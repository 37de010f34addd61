a = 7 // 2
b = -7 % 3
c = a // b % c
d = divmod(7, 2)
