def f(a):
	if a:
		return a["key"] + 1
	return 0


f({"key": "v"})
