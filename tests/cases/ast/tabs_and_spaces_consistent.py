if x:
	if y:
		pass
		a = 1
class C:
        x = 1
        def f(self):
                return 2
