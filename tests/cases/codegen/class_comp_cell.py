class C:
    def f(self):
        return [lambda: x for x in range(3)]
