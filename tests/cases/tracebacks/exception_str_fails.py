class Broken(Exception):
    def __str__(self):
        raise RuntimeError("str failed")

raise Broken("payload")
