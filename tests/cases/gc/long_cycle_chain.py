import gc
class N:
    pass
first = N()
node = first
for i in range(1000):
    node.next = N()
    node = node.next
node.next = first
del first, node
print(gc.collect() >= 1001)
