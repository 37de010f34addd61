class Fake:
    def __mro_entries__(self, bases):
        print("mro_entries", len(bases))
        return (int,)
class A(Fake()): pass
print(A.__bases__, A.__orig_bases__[0].__class__.__name__, A(3) + 1)
