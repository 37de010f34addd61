class A:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__, type(A.__dict__['__init_subclass__']).__name__)
class B(A): pass
