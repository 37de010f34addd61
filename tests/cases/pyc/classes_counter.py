class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.count = 0
    def tick(self, n=1):
        self.count += n
        return self
a = Counter(); b = Counter()
a.tick().tick(5)
print(a.count, b.count, Counter.instances)
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        return self._items.pop()
    def __len__(self):
        return len(self._items)
s = Stack()
for i in range(5):
    s.push(i * i)
print(s.pop(), s.pop(), len(s))
