class C:
    def m(self, xs):
        return any((hit := x) for x in xs), hit
