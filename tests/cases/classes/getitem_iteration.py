class S:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(S()))
print(20 in S(), 5 in S())
for x in S(): print(x)
