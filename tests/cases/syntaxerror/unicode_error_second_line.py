a = 1
b = 'ok' '\xz'
