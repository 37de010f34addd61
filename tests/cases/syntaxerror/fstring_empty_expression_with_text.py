x = f'value: {} done'
