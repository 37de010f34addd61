class C:
    def m(self):
        nonlocal __x
