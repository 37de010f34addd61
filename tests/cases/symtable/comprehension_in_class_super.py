class C:
    def m(self):
        pass
    xs = [__class__ for _ in range(1)]
