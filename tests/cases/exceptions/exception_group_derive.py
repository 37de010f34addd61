class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
eg = MyEG("base", [ValueError(1), TypeError(2)])
m, r = eg.split(ValueError)
print(type(m).__name__, repr(m), type(r).__name__, repr(r))
e = ExceptionGroup("x", [ValueError()])
print(repr(e.derive([KeyError()])))
