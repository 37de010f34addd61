@a
@b(1)
def f():
    pass

@c
class C:
    @property
    def p(self):
        return 1

    @p.setter
    def p(self, v): pass
