class E(Exception):
    def __init__(self, a, b):
        self.a = a
print(E(1, 2).args, str(E(1, 2)))
