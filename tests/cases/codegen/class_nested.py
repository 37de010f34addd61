class A:
    class B:
        def f(self): pass
