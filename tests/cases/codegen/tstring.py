t'{a}'
t'x{a}y{b!r:>3}z'
t''
