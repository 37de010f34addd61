class Field:
    def __set_name__(self, owner, name): self.private = "_" + name
    def __get__(self, obj, owner):
        if obj is None: return self
        return getattr(obj, self.private, "unset")
    def __set__(self, obj, value): setattr(obj, self.private, value)
class Model:
    a = Field(); b = Field()
m = Model(); m.a = 1
print(m.a, m.b, type(Model.a).__name__, sorted(vars(m)))
