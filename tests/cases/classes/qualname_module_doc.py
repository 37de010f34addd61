class Outer:
    "Outer doc"
    class Inner:
        pass
    def m(self):
        class Local: pass
        return Local
print(Outer.__qualname__, Outer.Inner.__qualname__, Outer().m().__qualname__)
print(Outer.__module__, Outer.__doc__, Outer.Inner.__doc__)
print(Outer.__name__, Outer.Inner)
Outer.__name__ = "Renamed"
print(Outer.__name__, Outer.__qualname__)
