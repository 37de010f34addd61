x = f'{a:\n}'
