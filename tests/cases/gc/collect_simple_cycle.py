import gc
class Node:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
a = Node("a"); b = Node("b")
a.other = b; b.other = a
del a, b
print("before collect")
n = gc.collect()
print("collected something:", n > 0)
print("after collect")
