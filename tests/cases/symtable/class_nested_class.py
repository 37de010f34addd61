class Outer:
    x = 1
    class Inner:
        y = x
        def m(self):
            return Outer, Inner, x
