class A:
    def f(self):
        if self.x:
            return self.x +* 2
