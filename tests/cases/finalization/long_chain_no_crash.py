class N:
    __slots__ = ()
head = None
for i in range(3000):
    head = [head]
del head
print("freed a 3000-deep chain")
