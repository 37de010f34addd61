x = 'a' 'b'
y = f'a' 'b{c}'
