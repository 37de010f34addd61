x = '\d'
y = b'\q'
