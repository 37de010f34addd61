class C:
    def m(self):
        return __classdict__, __conditional_annotations__
