class C:
    def __init__(self):
        self.a = 1
        self.b, self.c = 1, 2
        self.a += 1
