print(1, fT'{x}')
