class C:
    a: int
    def m(self):
        return __class__
