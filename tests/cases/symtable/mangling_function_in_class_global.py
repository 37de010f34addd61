class C:
    def m(self):
        global __g
        __g = 1
