a = f'{ {1, 2} }'
b = f'{ {"k": 1} }'
c = f'{dict(a=1)["a"]}'
d = f'{ {x: y for x, y in z} }'
