x = f'a{b:{c}d}e{f"g{h!r}i"}j'
y = f'{a}' f'{b}' 'c' f'{d:>{e}}'
