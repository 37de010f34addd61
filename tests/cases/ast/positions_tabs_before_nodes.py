if x:
	y = [	a,	b]
	z = f'	{y}'
