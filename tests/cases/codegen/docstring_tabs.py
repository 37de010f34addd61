def f():
	'''A
	B
		C'''
