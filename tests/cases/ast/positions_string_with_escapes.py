x = 'a\tb'; y = 1
z = '\u00e9\N{BULLET}'; w = 2
v = b'\xff'; u = 3
