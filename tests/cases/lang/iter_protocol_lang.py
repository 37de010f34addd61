class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(4)), sum(Countdown(5)), max(Countdown(3)))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), list(enumerate("ab", 1)), list(zip("ab", [1, 2], "xyz")))
print(list(reversed([1, 2, 3])), list(reversed(range(3))), list(map(pow, [2, 3], [3, 2])))
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next([])
except TypeError as e:
    print(e)
a, b = iter("xy")
print(a, b)
