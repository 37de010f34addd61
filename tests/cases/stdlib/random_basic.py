import random
r = random.Random(42)
print(r.random(), r.random(), r.getrandbits(5), r.getrandbits(70), r.randint(1, 100))
print(r.choice('abcdef'), r.sample(range(100), 5), r.uniform(1, 2))
l = list(range(10)); r.shuffle(l); print(l)
r.seed(12345678901234567890)
print(r.random(), r.randrange(1000))
r.seed(-7)
print(r.random())
s = r.getstate(); a = r.random(); r.setstate(s); print(a == r.random(), len(s), s[0])
print(r.gauss(0, 1), r.expovariate(2), r.normalvariate(), r.triangular())
random.seed(1)
print(random.random(), random.randint(0, 10**30))
print(random.Random(0).getrandbits(0), random.Random(0).getrandbits(32), random.Random(0).getrandbits(64))
try:
    r.getrandbits(-1)
except ValueError as e:
    print(e)
class Sub(random.Random):
    pass
print(Sub(3).random() == random.Random(3).random())
print(random.Random(3.5).random() == random.Random(3.5).random() if False else '')
import tempfile
print(len(tempfile._RandomNameSequence().__next__()))
