print(f'{a b c}', f'{x;y}')
