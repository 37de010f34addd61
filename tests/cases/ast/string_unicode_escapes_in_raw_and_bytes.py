a = r'\u00e9'
b = rb'\xff'
c = b'\u00e9'
d = '\x00'
e = '\777'[0:0]
