class Base:
    def __del__(self): print("Base.__del__", type(self).__name__)
class Child(Base):
    pass
c = Child()
del c
class Child2(Base):
    def __del__(self):
        print("Child2.__del__")
        super().__del__()
c = Child2()
del c
