class C(Base, metaclass=Meta):
    '''doc'''
    a = 1
    b = a + 1
    def m(self):
        return a
