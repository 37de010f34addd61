class Box:
    def __init__(self, items):
        self.items = items
    def apply(self, fn):
        return [fn(i) for i in self.items]

Box([1, "2"]).apply(lambda i: i + 1)
