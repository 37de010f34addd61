a = f'{x   =   }'
b = f'{ x=}'
c = f'''{x
=}''' if False else 0
